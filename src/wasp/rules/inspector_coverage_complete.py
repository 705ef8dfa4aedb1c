"""Inspector scans every EC2 instance, ECR repository and Lambda function of the workload."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.model import ACCOUNT_TYPE, SUPPLEMENTARY, FindingStatus, Resource, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
    failed,
    lookup,
    passed,
    unknown,
)
from wasp.rules._inspector import region_list, regions
from wasp.rules._service_findings import EVIDENCE_IDS

INSTANCE = "AWS::EC2::Instance"
REPOSITORY = "AWS::ECR::Repository"
FUNCTION = "AWS::Lambda::Function"
SCANNED_TYPES = (INSTANCE, REPOSITORY, FUNCTION)

META = RuleMeta(
    title="Inspector scans every EC2 instance, ECR repository and Lambda function",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP01", "SEC11-BP02"),
    resource_type=ACCOUNT_TYPE,
    related_types=SCANNED_TYPES,
    iac=False,
    source="inspector",
    description="Inspector being on for a resource type does not mean every resource is scanned: an instance "
    "without the SSM agent, an unsupported OS or runtime, or a repository set to no scanning is a blind spot. "
    "Fails on each resource Inspector lists as not scanned (with its reason), and each running instance, "
    "function or repository wasp read that Inspector does not list at all.",
    remediation=Remediation(
        console="Inspector > Resources coverage > filter Status: Inactive > fix each reason (install/register the "
        "SSM agent, set ECR enhanced scanning, use a supported runtime).",
        cli="aws inspector2 list-coverage --filter-criteria "
        '\'{"scanStatusCode":[{"comparison":"EQUALS","value":"INACTIVE"}]}\'',
        cloudformation="AWS::ECR::RegistryScanningConfiguration {ScanType: ENHANCED, Rules: [...]}; instances need "
        "the SSM agent and an instance profile with AmazonSSMManagedInstanceCore",
        terraform='resource "aws_ecr_registry_scanning_configuration" "this" { scan_type = "ENHANCED" ... }',
    ),
)


def _expected(ctx: RuleContext, account: str | None, region: str) -> list[Resource]:
    """The workload's resources Inspector should scan in the region (running instances only)."""
    out = []
    for rtype in SCANNED_TYPES:
        for r in ctx.inventory.of_type(rtype):
            if r.region != region or (account and r.account and r.account != account):
                continue
            state = lookup(r.properties, f"{SUPPLEMENTARY}.State")
            if rtype == INSTANCE and state not in (None, "running"):
                continue
            out.append(r)
    return out


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Resources listed as not scanned, and the workload's resources missing from the coverage, fail."""
    unscanned: list[str] = []
    problems: dict[str, str] = {}
    listed_total = 0
    capped: list[str] = []
    for region in regions(view, ctx):
        got = region_list(view, region, "InspectorCoverage", "Resources")
        if got.problem:
            problems[region] = got.problem
            continue
        listed_total += len(got.items)
        listed = {(str(c.get("Type")), str(c.get("Id"))) for c in got.items}
        for c in got.items:
            if c.get("Type") in SCANNED_TYPES and c.get("Scanned") is not True:
                unscanned.append(f"{c.get('Type')}/{c.get('Id')} ({c.get('Reason') or 'inactive'})")
        if got.capped:
            capped.append(region)
        else:  # a resource missing from a list cut short at the cap may simply be unread
            for r in _expected(ctx, view.resource.account, region):
                if (r.type, r.id) not in listed:
                    unscanned.append(f"{r.type}/{r.id} (not in Inspector's coverage)")
    view.note("coverage_listed", listed_total)
    view.note("regions_unknown", problems)
    view.note("regions_capped", capped)
    if unscanned:
        view.note("not_scanned", unscanned[:EVIDENCE_IDS])
        return failed(
            f"{len(unscanned)} resource(s) are not scanned by Inspector: {', '.join(unscanned[:5])}"
            f"{' and more' if len(unscanned) > 5 else ''}"
        )
    if capped:
        problems.update(
            dict.fromkeys(capped, "the coverage list was cut short at findings.max_findings_per_service")
        )
    if problems or not regions(view, ctx):
        where = "; ".join(f"{r}: {p}" for r, p in problems.items()) or "no region is in scope"
        return unknown(f"Inspector's coverage could not be checked ({where})")
    return passed(f"Inspector scans every resource it lists and every one wasp read ({listed_total} listed)")


def _account(resources: Any, capped: bool = False) -> Resource:
    region: dict[str, Any] = {"Inspector": {"EC2": "ENABLED", "ECR": "ENABLED", "LAMBDA": "ENABLED"}}
    region["InspectorCoverage"] = {"Resources": resources, "Capped": capped}
    return example_resource(ACCOUNT_TYPE, {"Regions": {"eu-west-2": region}}, "111122223333")


def _covered(rtype: str, rid: str, scanned: bool = True, reason: str | None = None) -> Mapping[str, Any]:
    return {"Type": rtype, "Id": rid, "Scanned": scanned, "Reason": reason}


_W = WorkloadScope(regions=("eu-west-2",))
_WEB = example_resource(INSTANCE, {SUPPLEMENTARY: {"State": "running"}}, "i-web")
_STOPPED = example_resource(INSTANCE, {SUPPLEMENTARY: {"State": "stopped"}}, "i-old")
EXAMPLES = (
    Example("all-scanned", _account([_covered(INSTANCE, "i-web")]), FindingStatus.PASS, (_WEB,), workload=_W),
    Example(
        "inactive",
        _account([_covered(INSTANCE, "i-web", False, "NO_INVENTORY")]),
        FindingStatus.FAIL,
        (_WEB,),
        workload=_W,
    ),
    Example("missing-from-coverage", _account([]), FindingStatus.FAIL, (_WEB,), workload=_W),
    Example("stopped-instances-are-not-expected", _account([]), FindingStatus.PASS, (_STOPPED,), workload=_W),
    Example(
        "capped-absence-proves-nothing",
        _account([], capped=True),
        FindingStatus.UNKNOWN,
        (_WEB,),
        workload=_W,
    ),
    Example(
        "denied",
        _account(Unresolved("inspector2:list_coverage access_denied")),
        FindingStatus.UNKNOWN,
        (_WEB,),
        workload=_W,
    ),
)
