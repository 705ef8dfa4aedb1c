"""Critical and high vulnerabilities with a fix available are patched within the workload's patch window."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
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
from wasp.rules._inspector import RegionRead, ref, region_list, regions
from wasp.rules._inspector_resource import (
    EPSS_LIKELY,
    collected_keys,
    first_seen_days,
    linked_key,
    urgent,
    vulnerability,
)
from wasp.rules._service_findings import EVIDENCE_IDS, named

META = RuleMeta(
    title="Fixable critical and high vulnerabilities (Inspector) are patched within the patch window",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP01",),
    resource_type=ACCOUNT_TYPE,
    iac=False,
    source="inspector",
    description="Inspector's active critical and high package vulnerabilities that have a fix available, open "
    "longer than the workload's findings.inspector_patch_window_days (default 14, Cyber Essentials' window), on "
    "EC2 instances, ECR images and Lambda functions. A finding on an instance, repository or function wasp "
    "collected is judged on that resource (ec2_instance_vulnerabilities_patched, ecr_repository_vulnerabilities_"
    "patched, lambda_function_vulnerabilities_patched); the rest (resources not collected, e.g. outside the "
    "workload's collectors) are judged here, on the account. An exploit available or an EPSS score of 0.1 or more "
    "makes the failure critical.",
    remediation=Remediation(
        console="Inspector > Findings > By vulnerability > filter Fix available: Yes, Severity: Critical/High > "
        "patch each resource (SSM Patch Manager for instances, rebuild and push images, update Lambda runtimes "
        "and dependencies).",
        cli='aws inspector2 list-findings --filter-criteria \'{"fixAvailable":[{"comparison":"EQUALS",'
        '"value":"YES"}],"findingStatus":[{"comparison":"EQUALS","value":"ACTIVE"}]}\'; '
        "aws ssm start-associations-once --association-ids PATCH_ASSOCIATION",
        cloudformation="AWS::SSM::PatchBaseline + AWS::SSM::Association (AWS-RunPatchBaseline) on a schedule",
        terraform='resource "aws_ssm_patch_baseline" "this" { ... } + resource "aws_ssm_association" "patch" { name = "AWS-RunPatchBaseline" ... }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on any region with overdue fixable vulnerabilities; unknown where Inspector's findings were not read."""
    window = ctx.workload.findings.inspector_patch_window_days
    overdue: list[tuple[Mapping[str, Any], int]] = []
    problems: dict[str, str] = {}
    capped: list[str] = []
    undated: list[str] = []
    read = on_resources = 0
    for region in regions(view, ctx):
        got: RegionRead = region_list(view, region, "InspectorFindings", "Findings")
        if got.problem:
            problems[region] = got.problem
            continue
        read += len(got.items)
        if got.capped:
            capped.append(region)
        collected = collected_keys(ctx, view.resource.account or view.id, region)
        for f in got.items:
            if linked_key(f) in collected:  # judged on the instance, repository or function it names
                on_resources += 1
                continue
            age = first_seen_days(ctx, f)
            if age is None:
                undated.append(str(f.get("Id")))
            elif age > window:
                overdue.append((f, age))
    view.note("patch_window_days", window)
    view.note("findings_read", read)
    view.note("findings_judged_on_their_resource", on_resources)
    view.note("regions_unknown", problems)
    view.note("regions_capped", capped)
    if overdue:
        ids = [str(f.get("Id")) for f, _ in overdue]
        resources = sorted({ref(f.get("Resource")) for f, _ in overdue})
        hot = [f for f, _ in overdue if urgent(f)]
        view.note("failing_finding_ids", ids[:EVIDENCE_IDS])
        view.note("linked_resources", resources[:EVIDENCE_IDS])
        view.note("vulnerabilities", sorted({str(f.get("Vulnerability")) for f, _ in overdue})[:EVIDENCE_IDS])
        view.note("exploitable_finding_ids", [str(f.get("Id")) for f in hot][:EVIDENCE_IDS])
        oldest = max(age for _, age in overdue)
        more = f" (reading stopped at the cap in {', '.join(capped)}: there may be more)" if capped else ""
        exploitable = f"; {len(hot)} with a known exploit or EPSS >= {EPSS_LIKELY:g}" if hot else ""
        return failed(
            f"{len(overdue)} fixable critical/high vulnerabilit(ies) open longer than {window} days (oldest "
            f"{oldest} days) on {len(resources)} resource(s): {', '.join(resources[:5])}"
            f"{' and more' if len(resources) > 5 else ''}{exploitable}{more}; findings {named(ids)}",
            Severity.CRITICAL if hot else None,
        )
    if undated:
        return unknown(
            f"{len(undated)} Inspector finding(s) have no readable FirstObservedAt (findings {named(undated)}): "
            f"they may be older than {window} days"
        )
    if problems or not regions(view, ctx):
        where = "; ".join(f"{r}: {p}" for r, p in problems.items()) or "no region is in scope"
        return unknown(f"Inspector's vulnerability findings could not be weighed ({where})")
    elsewhere = f", {on_resources} judged on the resource they name" if on_resources else ""
    return passed(
        f"no fixable critical/high vulnerability on a resource wasp did not collect is open longer than {window} "
        f"days ({read} read{elsewhere})"
    )


def _account(findings: Any, inspector: Any = None, capped: Any = False) -> Any:
    region: dict[str, Any] = {
        "Inspector": inspector or {"EC2": "ENABLED", "ECR": "ENABLED", "LAMBDA": "ENABLED"}
    }
    if findings is not None:
        region["InspectorFindings"] = {"Findings": findings, "Capped": capped}
    return example_resource(ACCOUNT_TYPE, {"Regions": {"eu-west-2": region}}, "111122223333", region=None)  # type: ignore[arg-type]


def _vuln(fid: str, first_seen: str, exploit: bool = False, epss: float = 0.01) -> dict[str, Any]:
    return {
        "Id": f"arn:aws:inspector2:eu-west-2:111122223333:finding/{fid}",
        "Severity": "HIGH",
        "Vulnerability": "CVE-2024-6387",
        "FirstObservedAt": first_seen,
        "ExploitAvailable": exploit,
        "Epss": epss,
        "Resource": {"Type": "AWS::EC2::Instance", "Id": "i-0abc"},
    }


_W = WorkloadScope(regions=("eu-west-2",))
_OLD = _vuln("old", "2025-11-20T00:00:00+00:00")
_NEW = _vuln("new", "2025-12-28T00:00:00+00:00")
EXAMPLES = (
    Example("none", _account([]), FindingStatus.PASS, workload=_W),
    Example("within-window", _account([_NEW]), FindingStatus.PASS, workload=_W),
    Example("undated", _account([_NEW, _vuln("undated", "yesterday")]), FindingStatus.UNKNOWN, workload=_W),
    Example("not-a-finding", _account([_NEW, "a finding"]), FindingStatus.UNKNOWN, workload=_W),
    Example("overdue", _account([_OLD, _NEW]), FindingStatus.FAIL, workload=_W),
    Example(
        "overdue-exploitable",
        _account([_vuln("x", "2025-11-20T00:00:00+00:00", exploit=True)]),
        FindingStatus.FAIL,
        workload=_W,
    ),
    Example(
        "a-longer-window",
        _account([_OLD]),
        FindingStatus.PASS,
        workload=WorkloadScope(
            regions=("eu-west-2",), findings=FindingThresholds(inspector_patch_window_days=60)
        ),
    ),
    Example(
        "judged-on-the-collected-instance",
        _account([_OLD]),
        FindingStatus.PASS,
        related=(example_resource("AWS::EC2::Instance", {}, "i-0abc"),),
        workload=_W,
    ),
    Example(
        "a-function-not-collected-stays-on-the-account",
        _account([vulnerability("fn", "AWS::Lambda::Function", "orders")]),
        FindingStatus.FAIL,
        related=(example_resource("AWS::EC2::Instance", {}, "i-0abc"),),
        workload=_W,
    ),
    Example(
        "capped-oldest-first-none-overdue", _account([_NEW], capped=True), FindingStatus.PASS, workload=_W
    ),
    Example(
        "denied",
        _account(Unresolved("inspector2:list_findings access_denied")),
        FindingStatus.UNKNOWN,
        workload=_W,
    ),
    Example(
        "inspector-off",
        _account(None, {"EC2": "DISABLED", "ECR": "DISABLED", "LAMBDA": "DISABLED"}),
        FindingStatus.UNKNOWN,
        workload=_W,
    ),
    Example("not-collected", _account(None), FindingStatus.UNKNOWN, workload=_W),
)
