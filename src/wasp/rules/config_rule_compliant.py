"""AWS Config rules report no non-compliant resources (Config's own evaluations, as corroborating evidence)."""

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

RULE = "AWS::Config::ConfigRule"

META = RuleMeta(
    title="AWS Config rules report no non-compliant resources",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP04", "SEC01-BP03"),
    resource_type=RULE,
    description="Each Config rule is a control objective the account already checks continuously. A rule "
    "reporting non-compliant resources is a known deviation awaiting remediation; the finding names the "
    "managed rule and whether remediation is configured for it.",
    remediation=Remediation(
        console="Config > Rules > RULE > Resources in scope (Noncompliant): fix each, or configure remediation.",
        cli="aws configservice get-compliance-details-by-config-rule --config-rule-name RULE "
        "--compliance-types NON_COMPLIANT",
        cloudformation="AWS::Config::RemediationConfiguration {ConfigRuleName: RULE, Automatic: true, ...}",
        terraform='resource "aws_config_remediation_configuration" "this" { config_rule_name = "RULE" automatic = true }',
    ),
    iac=False,
    source="config",
)


def _remedy(value: Any) -> str:
    if not isinstance(value, dict):
        return "no remediation configured"
    mode = "automatic" if value.get("Automatic") else "manual"
    return f"{mode} remediation with {value.get('TargetId')}"


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail NON_COMPLIANT, pass COMPLIANT, unknown when Config has no data yet; NOT_APPLICABLE is out of scope."""
    state = view.get(f"{SUPPLEMENTARY}.Compliance.Type")
    source = view.get("Source.SourceIdentifier") or "custom rule"
    if state == "NOT_APPLICABLE":
        return None
    if state == "COMPLIANT":
        return passed(f"Config rule {view.id} ({source}) is compliant")
    if state == "NON_COMPLIANT":
        count = view.get(f"{SUPPLEMENTARY}.Compliance.NonCompliant")
        howmany = f"{count} non-compliant resource(s)" if count is not None else "non-compliant resources"
        remedy = _remedy(view.peek(f"{SUPPLEMENTARY}.Remediation"))
        return failed(f"Config rule {view.id} ({source}) reports {howmany}; {remedy}")
    return unknown(f"Config rule {view.id} has no compliance result yet ({state})")


def _rule(compliance: Any, remediation: Any = None) -> Resource:
    return example_resource(
        RULE,
        {
            "ConfigRuleName": "s3-public",
            "Source": {"Owner": "AWS", "SourceIdentifier": "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED"},
            SUPPLEMENTARY: {"Compliance": compliance, "Remediation": remediation},
        },
        "s3-public",
    )


EXAMPLES = (
    Example("compliant", _rule({"Type": "COMPLIANT"}), FindingStatus.PASS),
    Example("non-compliant", _rule({"Type": "NON_COMPLIANT", "NonCompliant": 3}), FindingStatus.FAIL),
    Example("no-data", _rule({"Type": "INSUFFICIENT_DATA"}), FindingStatus.UNKNOWN),
    Example("unreadable", _rule(Unresolved("denied")), FindingStatus.UNKNOWN),
)
