"""Security Hub's failed FSBP and CIS controls are remediated (the hub's own findings, mapped to the pillar)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from wasp.model import SUPPLEMENTARY, FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._service_findings import EVIDENCE_IDS, capped_note, named, note_failing, service_findings

HUB = "AWS::SecurityHub::Hub"
_SEVERITY = {"CRITICAL": Severity.CRITICAL, "HIGH": Severity.HIGH}

META = RuleMeta(
    title="Security Hub's failed FSBP and CIS controls are remediated",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP04",),
    resource_type=HUB,
    iac=False,
    source="securityhub",
    description="Active, unsuppressed FAILED control findings of AWS Foundational Security Best Practices and the "
    "CIS AWS Foundations Benchmark are non-compliant resources nobody has remediated. Each failed control is "
    "shown with the best practices it maps to (src/wasp/catalogue/data/securityhub-controls.csv): beside wasp's "
    "own rule for the same property (corroborating), or as the only evidence where wasp has no such rule.",
    remediation=Remediation(
        console="Security Hub > Controls > sort by Failed checks > open each control's remediation link; fix the "
        "resource, or suppress the finding with a documented reason (Workflow status: Suppressed).",
        cli='aws securityhub get-findings --filters \'{"ComplianceStatus":[{"Value":"FAILED","Comparison":'
        '"EQUALS"}],"RecordState":[{"Value":"ACTIVE","Comparison":"EQUALS"}]}\'',
        cloudformation="Fix each resource in its own template; AWS::SecurityHub::AutomationRule to suppress accepted "
        "findings with a reason",
        terraform='Fix each resource in its own module; resource "aws_securityhub_automation_rule" for accepted ones',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when failed controls are active; unknown when they could not all be read."""
    got = service_findings(view, "Security Hub's findings")
    if got.items:
        ids = note_failing(view, got.items, kind="ControlId")
        by_bp: dict[str, set[str]] = defaultdict(set)
        corroborating: dict[str, list[str]] = {}
        only: set[str] = set()
        for f in got.items:
            control = str(f.get("ControlId"))
            for bp in f.get("BestPractices") or ["(not mapped)"]:
                by_bp[str(bp)].add(control)
            rules = [str(r) for r in f.get("WaspRules") or []]
            if rules:
                corroborating[control] = rules
            else:
                only.add(control)
        view.note("failed_controls_by_best_practice", {bp: sorted(c) for bp, c in sorted(by_bp.items())})
        view.note("controls_wasp_also_checks", dict(sorted(corroborating.items())))
        view.note("controls_only_security_hub_evidences", sorted(only)[:EVIDENCE_IDS])
        labels = Counter(str(f.get("Severity")) for f in got.items)
        worst = next((_SEVERITY[s] for s in _SEVERITY if labels.get(s)), None)
        controls = Counter(str(f.get("ControlId")) for f in got.items).most_common()
        shown = ", ".join(f"{c} x{n}" for c, n in controls[:6]) + (" and more" if len(controls) > 6 else "")
        return failed(
            f"Security Hub has {len(got.items)} active failed control finding(s) on {len(controls)} control(s): "
            f"{shown}; {len(only)} control(s) with no wasp rule of its own (Security Hub is the only evidence); "
            f"findings {named(ids)}{capped_note(got.capped, ctx.workload.findings.max_findings_per_service)}",
            worst,
        )
    if got.capped:
        return unknown("Security Hub's findings were cut short at the cap and none was read")
    return passed("Security Hub has no active, unsuppressed failed FSBP or CIS control finding")


def _finding(fid: str, control: str, rules: list[str], severity: str = "HIGH") -> Mapping[str, Any]:
    return {
        "Id": fid,
        "ControlId": control,
        "Severity": severity,
        "Resource": {"Type": "AWS::S3::Bucket", "Id": "arn:aws:s3:::ledger"},
        "BestPractices": ["SEC08-BP04"],
        "WaspRules": rules,
    }


def _hub(findings: Any, capped: Any = False) -> Any:
    return example_resource(HUB, {SUPPLEMENTARY: {"Findings": findings, "FindingsCapped": capped}}, "hub")


_DENIED = Unresolved("securityhub:get_findings access_denied")
EXAMPLES = (
    Example("none-failed", _hub([]), FindingStatus.PASS),
    Example(
        "failed-with-a-wasp-rule",
        _hub([_finding("sh-1", "S3.8", ["s3_bucket_public_access_block"])]),
        FindingStatus.FAIL,
    ),
    Example(
        "failed-only-security-hub-checks",
        _hub([_finding("sh-2", "S3.14", [], "CRITICAL")]),
        FindingStatus.FAIL,
    ),
    Example("denied", _hub(_DENIED, _DENIED), FindingStatus.UNKNOWN),
    Example("not-collected", example_resource(HUB, {}, "hub"), FindingStatus.UNKNOWN),
)
