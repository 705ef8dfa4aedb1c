"""Inspector's fixable vulnerabilities judged on the instance, repository or function a finding names.

The Inspector collector leaves each region's findings on the account (``Regions.<region>.InspectorFindings``,
oldest first, bounded). A finding whose resource wasp collected is judged on that resource (the per-resource
rules); one whose resource wasp did not collect stays on the account (``inspector_vulnerabilities_patched``), so
no finding is weighed twice and none is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wasp.model import ACCOUNT_TYPE, FindingStatus, Resource, Severity, Unresolved
from wasp.model.rule import (
    Example,
    FindingThresholds,
    ResourceView,
    RuleContext,
    Verdict,
    WorkloadScope,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._inspector import RegionRead, region_list
from wasp.rules._service_findings import EVIDENCE_IDS, named

EPSS_LIKELY = 0.1
"""An EPSS score of 10% or more (likely exploitation within 30 days) raises the verdict to critical."""
SCANNED_TYPES = ("AWS::EC2::Instance", "AWS::ECR::Repository", "AWS::Lambda::Function")
"""The types an Inspector finding names, as wasp collects them (an ECR image: its repository)."""


def urgent(finding: Mapping[str, Any]) -> bool:
    """A known exploit, or an EPSS score of :data:`EPSS_LIKELY` or more."""
    try:
        epss = float(finding.get("Epss") or 0)
    except (TypeError, ValueError):
        epss = 0.0
    return finding.get("ExploitAvailable") is True or epss >= EPSS_LIKELY


def linked_key(finding: Mapping[str, Any]) -> tuple[str, str] | None:
    """``(type, id)`` of the resource a finding summary names, if any."""
    r = finding.get("Resource")
    if isinstance(r, Mapping) and r.get("Type") and r.get("Id"):
        return str(r["Type"]), str(r["Id"])
    return None


def _first_seen(finding: Mapping[str, Any]) -> str | None:
    """The finding's FirstObservedAt when it is a string (anything else is unreadable: None)."""
    value = finding.get("FirstObservedAt")
    return value if isinstance(value, str) else None


def first_seen_days(ctx: RuleContext, finding: Mapping[str, Any]) -> int | None:
    """Days since Inspector first observed the finding; None when FirstObservedAt is absent, not a string or
    not a timestamp (such a finding may be overdue: callers weigh it as unknown, never as recent)."""
    return ctx.days_since(_first_seen(finding))


def collected_keys(ctx: RuleContext, account: str | None, region: str) -> set[tuple[str, str]]:
    """The (type, id) of every instance, repository and function wasp collected in the account and region."""
    return {
        (r.type, r.id)
        for rtype in SCANNED_TYPES
        for r in ctx.inventory.of_type(rtype)
        if r.region == region and (account is None or r.account in (None, account))
    }


def _account_of(view: ResourceView, ctx: RuleContext) -> Resource | None:
    account = view.resource.account
    for r in ctx.inventory.of_type(ACCOUNT_TYPE):
        if r.id == account or (account is None and r.account is None):
            return r
    return None


@dataclass(frozen=True)
class _Overdue:
    finding: Mapping[str, Any]
    age: int


def _scanned(view: ResourceView, account: ResourceView, region: str) -> str | None:
    """None when Inspector's coverage lists the resource as scanned, else why that is not known to be so."""
    got = region_list(account, region, "InspectorCoverage", "Resources")
    if got.problem:
        return f"whether Inspector scans it is unknown: {got.problem}"
    mine = [c for c in got.items if c.get("Type") == view.resource.type and c.get("Id") == view.id]
    if any(c.get("Scanned") is True for c in mine):
        return None
    if mine:
        reasons = sorted({str(c.get("Reason")) for c in mine})
        return f"Inspector does not scan it ({', '.join(reasons)}; inspector_coverage_complete fails it)"
    if got.capped:
        return "Inspector's coverage list stopped at the cap before naming it"
    return "Inspector's coverage does not list it (inspector_coverage_complete fails it)"


def resource_verdict(view: ResourceView, ctx: RuleContext, what: str) -> Verdict:
    """Fail when a fixable critical/high finding naming this resource is older than the patch window.

    Pass only when Inspector's findings were read and its coverage says the resource is scanned; unknown when
    either was not read, Inspector is off, or the capped list may hold an overdue finding not read.
    """
    region = view.resource.region
    holder = _account_of(view, ctx)
    if holder is None or region is None:
        return unknown(f"Inspector's findings for the {what}'s account were not collected")
    account = view.neighbour(holder)
    account.note(
        "inspector_region", region
    )  # names the account in the evidence, so its failed reads name this rule
    got: RegionRead = region_list(account, region, "InspectorFindings", "Findings")
    if got.problem:
        return unknown(f"Inspector's findings in {region} could not be weighed: {got.problem}")
    window = ctx.workload.findings.inspector_patch_window_days
    key = (view.resource.type, view.id)
    mine = [f for f in got.items if linked_key(f) == key]
    overdue = [
        _Overdue(f, age) for f in mine if (age := first_seen_days(ctx, f)) is not None and age > window
    ]
    undated = [f for f in mine if first_seen_days(ctx, f) is None]
    view.note("patch_window_days", window)
    view.note("findings_on_resource", len(mine))
    if overdue:
        return _fail(view, overdue, window, got.capped, what)
    if undated:
        return unknown(
            f"{len(undated)} Inspector finding(s) naming this {what} have no readable FirstObservedAt "
            f"(findings {named([str(f.get('Id')) for f in undated])}): they may be older than {window} days"
        )
    if got.capped and _newest_overdue(got.items, ctx, window):
        return unknown(
            f"reading Inspector's findings in {region} stopped at the cap among findings already older than "
            f"{window} days: an unread one may name this {what} (raise findings.max_findings_per_service)"
        )
    not_scanned = _scanned(view, account, region)
    if not_scanned:
        return unknown(f"no overdue finding names this {what}, but {not_scanned}")
    return passed(
        f"Inspector scans it and no fixable critical/high vulnerability on it is older than {window} days"
    )


def _newest_overdue(items: Iterable[Mapping[str, Any]], ctx: RuleContext, window: int) -> bool:
    """True when even the newest finding read (oldest first) is overdue: unread ones may be too."""
    ages = [a for f in items if (a := ctx.days_since(f.get("FirstObservedAt"))) is not None]
    return bool(ages) and min(ages) > window


def _fail(view: ResourceView, overdue: list[_Overdue], window: int, capped: bool, what: str) -> Verdict:
    ids = [str(o.finding.get("Id")) for o in overdue]
    hot = [o for o in overdue if urgent(o.finding)]
    view.note("failing_finding_ids", ids[:EVIDENCE_IDS])
    view.note(
        "vulnerabilities", sorted({str(o.finding.get("Vulnerability")) for o in overdue})[:EVIDENCE_IDS]
    )
    view.note("exploitable_finding_ids", [str(o.finding.get("Id")) for o in hot][:EVIDENCE_IDS])
    images = sorted({str(o.finding["Image"]) for o in overdue if o.finding.get("Image")})
    if images:
        view.note("images", images[:EVIDENCE_IDS])
    oldest = max(o.age for o in overdue)
    extra = f"; {len(hot)} with a known exploit or EPSS >= {EPSS_LIKELY:g}" if hot else ""
    more = "; reading stopped at the cap, so there may be more" if capped else ""
    return failed(
        f"{len(overdue)} fixable critical/high vulnerabilit(ies) on {what} {view.id} open longer than {window} "
        f"days (oldest {oldest} days){extra}{more}; findings {named(ids)}",
        Severity.CRITICAL if hot else None,
    )


def account_with(
    findings: Any, covered: Any = (), inspector: Any = None, capped: bool = False, region: str = "eu-west-2"
) -> Resource:
    """An example account whose Inspector read these finding and coverage summaries in ``region``."""
    block: dict[str, Any] = {
        "Inspector": inspector or {"EC2": "ENABLED", "ECR": "ENABLED", "LAMBDA": "ENABLED"}
    }
    if findings is not None:
        block["InspectorFindings"] = {"Findings": findings, "Capped": capped}
        block["InspectorCoverage"] = {"Resources": list(covered), "Capped": False}
    return example_resource(ACCOUNT_TYPE, {"Regions": {region: block}}, "111122223333", region=None)  # type: ignore[arg-type]


def vulnerability(
    fid: str, rtype: str, rid: str, first_seen: str = "2025-11-20T00:00:00+00:00", exploit: bool = False
) -> dict[str, Any]:
    """An example finding summary on one resource (overdue by default at the examples' date)."""
    return {
        "Id": f"arn:aws:inspector2:eu-west-2:111122223333:finding/{fid}",
        "Severity": "CRITICAL",
        "Vulnerability": "CVE-2024-6387",
        "FirstObservedAt": first_seen,
        "ExploitAvailable": exploit,
        "Epss": 0.02,
        "Resource": {"Type": rtype, "Id": rid},
    }


def scanned(rtype: str, rid: str, yes: bool = True) -> dict[str, Any]:
    """An example coverage entry."""
    return {"Type": rtype, "Id": rid, "Scanned": yes, "Reason": "SUCCESSFUL" if yes else "NO_INVENTORY"}


def resource_examples(rtype: str, rid: str, other_id: str) -> tuple[Example, ...]:
    """The examples every per-resource Inspector rule shares, on resource ``rid`` of ``rtype`` (``other_id``:
    another resource of the type, whose findings must not count against this one)."""
    workload = WorkloadScope(regions=("eu-west-2",))
    me = example_resource(rtype, {}, rid)
    covered = (scanned(rtype, rid),)

    def with_account(name: str, status: FindingStatus, findings: Any, cov: Any = covered) -> Example:
        return Example(name, me, status, related=(account_with(findings, cov),), workload=workload)

    return (
        with_account("scanned-and-clean", FindingStatus.PASS, []),
        with_account("overdue", FindingStatus.FAIL, [vulnerability("old", rtype, rid)]),
        Example(
            "within-a-longer-window",
            me,
            FindingStatus.PASS,
            related=(account_with([vulnerability("old", rtype, rid)], covered),),
            workload=WorkloadScope(
                regions=("eu-west-2",), findings=FindingThresholds(inspector_patch_window_days=90)
            ),
        ),
        with_account(
            "another-resources-finding", FindingStatus.PASS, [vulnerability("other", rtype, other_id)]
        ),
        with_account(
            "undated-finding", FindingStatus.UNKNOWN, [vulnerability("undated", rtype, rid, first_seen="")]
        ),
        with_account("not-scanned", FindingStatus.UNKNOWN, [], (scanned(rtype, rid, yes=False),)),
        with_account(
            "findings-denied", FindingStatus.UNKNOWN, Unresolved("inspector2:list_findings access_denied")
        ),
        Example(
            "inspector-off",
            me,
            FindingStatus.UNKNOWN,
            related=(
                account_with(None, inspector={"EC2": "DISABLED", "ECR": "DISABLED", "LAMBDA": "DISABLED"}),
            ),
            workload=workload,
        ),
        Example("account-not-collected", me, FindingStatus.UNKNOWN, workload=workload),
    )
