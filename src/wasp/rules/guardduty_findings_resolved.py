"""GuardDuty's high-severity findings are resolved (archived) within the workload's window, not left open."""

from __future__ import annotations

from typing import Any

from wasp.model import SUPPLEMENTARY, FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    FindingThresholds,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._service_findings import capped_note, kinds, named, note_failing, resources, service_findings

DETECTOR = "AWS::GuardDuty::Detector"
CRITICAL = 9.0
"""GuardDuty's critical band starts at 9.0."""

META = RuleMeta(
    title="GuardDuty findings are acted on: none of high severity stays active past the window",
    severity=Severity.HIGH,
    best_practices=("SEC04-BP03", "SEC10-BP02"),
    resource_type=DETECTOR,
    iac=False,
    source="guardduty",
    description="GuardDuty being on proves nothing if its findings are never handled. An active finding of high "
    "severity (workload findings.guardduty_min_severity, default 7) first seen more than "
    "findings.guardduty_max_age_days ago (default 7) means a detected threat (a compromised instance, a leaked "
    "access key, data exfiltration) is not being investigated and closed.",
    remediation=Remediation(
        console="GuardDuty > Findings > filter Severity: High, Current > investigate each; remediate, then Archive it "
        "(or add a suppression rule for an accepted, documented pattern).",
        cli="aws guardduty list-findings --detector-id DETECTOR --finding-criteria "
        '\'{"Criterion":{"severity":{"Gte":7},"service.archived":{"Eq":["false"]}}}\'; '
        "aws guardduty archive-findings --detector-id DETECTOR --finding-ids ID",
        cloudformation="AWS::GuardDuty::Filter {Action: ARCHIVE, FindingCriteria: ...}  # only for accepted patterns",
        terraform='resource "aws_guardduty_filter" "accepted" { action = "ARCHIVE" ... }  # only for accepted patterns',
    ),
)


def _severity(f: Any) -> float:
    try:
        return float(f.get("Severity") or 0)
    except (TypeError, ValueError):
        return 0.0


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on active findings at or above the severity older than the window; unknown if they were not all read."""
    limits = ctx.workload.findings
    if view.get("Enable") is not True:
        return unknown(
            "the detector is suspended, so GuardDuty makes no findings here (guardduty_enabled fails it)"
        )
    got = service_findings(view, "GuardDuty's findings")
    weighed = [f for f in got.items if _severity(f) >= limits.guardduty_min_severity]
    ages = [(f, ctx.days_since(f.get("CreatedAt"))) for f in weighed]
    old = [f for f, age in ages if age is not None and age > limits.guardduty_max_age_days]
    undated = [f for f, age in ages if age is None]
    view.note("min_severity", limits.guardduty_min_severity)
    view.note("max_age_days", limits.guardduty_max_age_days)
    where = view.resource.origin.region or "this region"
    if old:
        ids = note_failing(view, old)
        oldest = max(age or 0 for f, age in ages if f in old)
        on = resources(old)
        about = f" on {', '.join(on[:5])}{' and more' if len(on) > 5 else ''}" if on else ""
        worst = Severity.CRITICAL if any(_severity(f) >= CRITICAL for f in old) else None
        return failed(
            f"GuardDuty in {where} has {len(old)} active finding(s) of severity >= "
            f"{limits.guardduty_min_severity:g} first seen more than {limits.guardduty_max_age_days} days ago "
            f"(oldest {oldest} days): {kinds(old)}{about}; findings {named(ids)}"
            f"{capped_note(got.capped, limits.max_findings_per_service)}",
            worst,
        )
    if got.capped:
        return unknown(
            f"GuardDuty in {where} has more active findings of severity >= {limits.guardduty_min_severity:g} "
            f"than were read (cap {limits.max_findings_per_service}) and none read is older than "
            f"{limits.guardduty_max_age_days} days; the unread ones may be (raise findings.max_findings_per_service)"
        )
    if undated:
        ids = note_failing(view, undated)
        return unknown(f"{len(undated)} GuardDuty finding(s) have no readable first-seen date: {named(ids)}")
    return passed(
        f"no active GuardDuty finding of severity >= {limits.guardduty_min_severity:g} in {where} is older than "
        f"{limits.guardduty_max_age_days} days ({len(weighed)} newer)"
    )


def _finding(
    fid: str, severity: float, created: str, kind: str = "UnauthorizedAccess:EC2/SSHBruteForce"
) -> dict[str, Any]:
    return {
        "Id": fid,
        "Type": kind,
        "Severity": severity,
        "CreatedAt": created,
        "UpdatedAt": "2025-12-31T00:00:00.000Z",
        "Resource": {"Type": "AWS::EC2::Instance", "Id": "i-0abc"},
    }


def _detector(findings: Any, capped: Any = False, enable: Any = True) -> Any:
    return example_resource(
        DETECTOR, {"Enable": enable, SUPPLEMENTARY: {"Findings": findings, "FindingsCapped": capped}}, "d1"
    )


_OLD = _finding("gd-old", 8.0, "2025-12-01T10:00:00.000Z")
_NEW = _finding("gd-new", 8.0, "2025-12-30T10:00:00.000Z")
_OLD_LOW = _finding("gd-old-medium", 5.0, "2025-11-01T10:00:00.000Z", "Recon:EC2/PortProbeUnprotectedPort")
_STRICT = WorkloadScope(findings=FindingThresholds(guardduty_min_severity=4.0, guardduty_max_age_days=2))
_DENIED = Unresolved("guardduty:list_findings access_denied")
EXAMPLES = (
    Example("no-findings", _detector([]), FindingStatus.PASS),
    Example("recent-high-only", _detector([_NEW]), FindingStatus.PASS),
    Example("old-high", _detector([_OLD, _NEW]), FindingStatus.FAIL),
    Example("old-medium-is-below-the-default-severity", _detector([_OLD_LOW]), FindingStatus.PASS),
    Example(
        "workload-weighs-mediums-and-a-shorter-window",
        _detector([_OLD_LOW]),
        FindingStatus.FAIL,
        workload=_STRICT,
    ),
    Example("capped-none-old", _detector([_NEW], capped=True), FindingStatus.UNKNOWN),
    Example("capped-but-an-old-one-read", _detector([_OLD], capped=True), FindingStatus.FAIL),
    Example("findings-denied", _detector(_DENIED, _DENIED), FindingStatus.UNKNOWN),
    Example("suspended", _detector([], enable=False), FindingStatus.UNKNOWN),
    Example("not-collected", example_resource(DETECTOR, {"Enable": True}, "d1"), FindingStatus.UNKNOWN),
    Example("undated", _detector([{**_NEW, "CreatedAt": None}]), FindingStatus.UNKNOWN),
)
