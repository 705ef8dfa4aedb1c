"""AWS Config conformance packs are compliant (Config's own evaluations, as corroborating evidence)."""

from typing import Any

from wasp.model import FindingStatus, Resource, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
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

PACK = "AWS::Config::ConformancePack"

META = RuleMeta(
    title="AWS Config conformance packs are compliant",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP04", "SEC01-BP03"),
    resource_type=PACK,
    description="A conformance pack is a set of control objectives (a framework such as the Operational "
    "Best Practices for the Security Pillar) checked continuously. A non-compliant pack has known deviations "
    "awaiting remediation.",
    remediation=Remediation(
        console="Config > Conformance packs > PACK: open the non-compliant rules and fix or remediate each.",
        cli="aws configservice describe-conformance-pack-compliance --conformance-pack-name PACK "
        "--filters ComplianceType=NON_COMPLIANT",
        cloudformation="AWS::Config::RemediationConfiguration for the pack's rules",
        terraform="aws_config_remediation_configuration for the pack's rules",
    ),
    iac=False,
    source="config",
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail NON_COMPLIANT, pass COMPLIANT, unknown otherwise."""
    state = view.get(f"{SUPPLEMENTARY}.Compliance")
    if state == "COMPLIANT":
        return passed(f"conformance pack {view.id} is compliant")
    if state == "NON_COMPLIANT":
        return failed(f"conformance pack {view.id} is non-compliant")
    return unknown(f"conformance pack {view.id} has no compliance result ({state})")


def _pack(state: Any) -> Resource:
    return example_resource(PACK, {"ConformancePackName": "sec", SUPPLEMENTARY: {"Compliance": state}}, "sec")


EXAMPLES = (
    Example("compliant", _pack("COMPLIANT"), FindingStatus.PASS),
    Example("non-compliant", _pack("NON_COMPLIANT"), FindingStatus.FAIL),
    Example("no-data", _pack("INSUFFICIENT_DATA"), FindingStatus.UNKNOWN),
    Example("unreadable", _pack(Unresolved("denied")), FindingStatus.UNKNOWN),
)
