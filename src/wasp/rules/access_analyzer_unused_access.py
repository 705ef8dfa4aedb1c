"""No role, access key, password or permission has gone unused past the workload's limit (Access Analyzer)."""

from typing import Any

from wasp.model import ACCOUNT_TYPE, FindingStatus, Resource, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
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
from wasp.rules._analyzer import ANALYZER, UNUSED, gather, listed

META = RuleMeta(
    title="IAM Access Analyzer reports no long-unused roles, keys or permissions",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP04",),
    resource_type=ACCOUNT_TYPE,
    related_types=(ANALYZER,),
    description="Access Analyzer's unused-access analyzer finds roles, access keys, console passwords and "
    "service- or action-level permissions nobody has used. Access unused for longer than the workload's limit "
    "(findings.access_analyzer_unused_days, 90 days by default) should be removed. Break-glass principals "
    "declared in the workload file are exempt.",
    remediation=Remediation(
        console="IAM > Access analyzer > Unused access: remove the role, key or password, or apply the "
        "recommended policy that drops the unused permissions.",
        cli="aws accessanalyzer get-finding-recommendation --analyzer-arn ARN --id FINDING_ID",
        cloudformation="Remove the unused role or the unused actions from its policies",
        terraform="Remove the unused role or the unused actions from its policies",
    ),
    iac=False,
    source="accessanalyzer",
)


def unused_days(finding: dict[str, Any], age: Any, ctx: RuleContext) -> int | None:
    """How long the access has been unused, at least: the analyzer's unused-access age when the finding was
    raised, plus the days the finding has stayed active since."""
    since = ctx.days_since(finding.get("CreatedAt"))
    if since is None:
        return None
    try:
        return int(age or 0) + since
    except (TypeError, ValueError):
        return since


def _ages(view: ResourceView, ctx: RuleContext) -> dict[str, Any]:
    account = view.resource.account
    return {
        a.id: a.properties.get(SUPPLEMENTARY, {}).get("UnusedAccessAge")
        for a in ctx.inventory.of_type(ANALYZER)
        if not (account and a.account and a.account != account)
    }


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on active unused-access findings older than the workload's limit; exempt break-glass principals."""
    got = gather(view, ctx, UNUSED)
    limit = ctx.workload.findings.access_analyzer_unused_days
    ages = _ages(view, ctx)
    stale: list[dict[str, Any]] = []
    exempt: list[str] = []
    undated: list[str] = []
    for f in got.findings:
        if not str(f.get("FindingType", "")).startswith("Unused"):
            continue
        resource = str(f.get("Resource") or "")
        if ctx.workload.is_break_glass(resource.rsplit("/", 1)[-1], resource):
            exempt.append(resource)
            continue
        days = unused_days(f, ages.get(str(f.get("Analyzer"))), ctx)
        if days is None:
            undated.append(str(f.get("Id")))
        elif days >= limit:
            stale.append({**f, "UnusedDays": days})
    view.note("analyzers", got.analyzers)
    view.note("limit_days", limit)
    view.note("finding_ids", [f.get("Id") for f in stale])
    view.note("break_glass_exempt", exempt)
    if stale:
        kinds = sorted({str(f.get("FindingType")) for f in stale})
        return failed(f"{len(stale)} access unused for {limit}+ days ({', '.join(kinds)}): {listed(stale)}")
    if not got.analyzers:
        return unknown("no active unused-access analyzer (ACCOUNT_UNUSED_ACCESS) reports unused access")
    if got.capped or undated:
        return unknown("some unused-access findings could not be weighed (read up to the cap, or undated)")
    return passed(f"no access unused for {limit}+ days on {', '.join(got.analyzers)}")


def _analyzer(findings: object, age: int = 90) -> Resource:
    return example_resource(
        ANALYZER,
        {
            "Type": "ACCOUNT_UNUSED_ACCESS",
            SUPPLEMENTARY: {"Status": "ACTIVE", "Findings": findings, "UnusedAccessAge": age},
        },
        "unused",
    )


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_ROLE = {
    "Id": "u-1",
    "FindingType": "UnusedIAMRole",
    "Status": "ACTIVE",
    "ResourceType": "AWS::IAM::Role",
    "Resource": "arn:aws:iam::111122223333:role/old-deployer",
    "CreatedAt": "2025-12-01T00:00:00+00:00",  # 31 days before the examples' review date
}
EXAMPLES = (
    Example("none", _ACCT, FindingStatus.PASS, (_analyzer([]),)),
    Example("stale-role", _ACCT, FindingStatus.FAIL, (_analyzer([_ROLE]),)),
    Example("recent", _ACCT, FindingStatus.PASS, (_analyzer([_ROLE], age=30),)),
    Example(
        "recent-under-longer-limit",
        _ACCT,
        FindingStatus.PASS,
        (_analyzer([_ROLE]),),
        workload=WorkloadScope(findings=FindingThresholds(access_analyzer_unused_days=180)),
    ),
    Example(
        "break-glass",
        _ACCT,
        FindingStatus.PASS,
        (_analyzer([_ROLE]),),
        workload=WorkloadScope(break_glass=("old-deployer",)),
    ),
    Example("resolved", _ACCT, FindingStatus.PASS, (_analyzer([{**_ROLE, "Status": "RESOLVED"}]),)),
    Example("unreadable", _ACCT, FindingStatus.UNKNOWN, (_analyzer(Unresolved("denied")),)),
    Example("no-analyzer", _ACCT, FindingStatus.UNKNOWN),
)
