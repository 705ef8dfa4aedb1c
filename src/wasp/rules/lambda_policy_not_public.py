"""Lambda function policy grants no public or unknown cross-account access."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    Remediation,
    RuleMeta,
    example_resource,
)
from wasp.rules._exposure import ORG_ONLY, PUBLIC, exposure_evaluate, own_property

META = RuleMeta(
    title="Lambda function policy is not public or shared with unknown accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::Lambda::Function",
    public_exposure=True,
    description="Evaluated with policyuniverse (conditions such as aws:PrincipalOrgID and aws:SourceVpce honoured): "
    "any principal without a limiting condition is public; an account outside the workload and its organisation is "
    "unknown cross-account access.",
    remediation=Remediation(
        console="Lambda > FUNCTION > Configuration > Permissions > Resource-based policy: remove statements with Principal '*' lacking a SourceArn/SourceAccount condition.",
        cli="aws lambda remove-permission --function-name FN --statement-id SID",
        cloudformation="AWS::Lambda::Permission with SourceArn and SourceAccount",
        terraform="aws_lambda_permission with source_arn and source_account",
    ),
)


evaluate = exposure_evaluate(own_property(f"{SUPPLEMENTARY}.ResourcePolicy"), "Lambda function policy")


EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::Lambda::Function", {SUPPLEMENTARY: {"ResourcePolicy": ORG_ONLY}}),
        FindingStatus.PASS,
    ),
    Example(
        "public",
        example_resource("AWS::Lambda::Function", {SUPPLEMENTARY: {"ResourcePolicy": PUBLIC}}),
        FindingStatus.FAIL,
    ),
)
