"""SecureString SSM parameters are encrypted with a customer-managed KMS key."""

from wasp.model import FindingStatus, Resource, Severity
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
)
from wasp.rules._common import is_customer_managed_key
from wasp.rules._keyref import key_setting

PARAMETER = "AWS::SSM::Parameter"

META = RuleMeta(
    title="SecureString SSM parameters use a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01",),
    resource_type=PARAMETER,
    related_types=("AWS::KMS::Key",),
    description="With the default key (aws/ssm) anyone allowed ssm:GetParameter with decryption reads the "
    "secret. A customer-managed key adds a key policy to pass and can be disabled to cut off every reader.",
    remediation=Remediation(
        console="Systems Manager > Parameter Store > PARAMETER > Edit: KMS key source: a customer-managed key.",
        cli="aws ssm put-parameter --name NAME --type SecureString --key-id KEY_ARN --value VALUE --overwrite",
        cloudformation="Not expressible: CloudFormation cannot create SecureString parameters",
        terraform='resource "aws_ssm_parameter" "this" { type = "SecureString" key_id = aws_kms_key.ssm.arn }',
    ),
    checkov=("CKV_AWS_337",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only SecureString parameters are in scope; their key must be customer-managed."""
    if view.get("Type") != "SecureString":
        return None
    key = key_setting(view, f"{SUPPLEMENTARY}.KeyId")
    if key is True or is_customer_managed_key(key, ctx, view):
        return passed("SecureString encrypted with a customer-managed key")
    return failed(f"parameter {view.label('Name')} is encrypted with the AWS-managed key (aws/ssm)")


def _p(**supplementary: str) -> Resource:
    return example_resource(
        PARAMETER, {"Name": "/app/token", "Type": "SecureString", SUPPLEMENTARY: supplementary}
    )


EXAMPLES = (
    Example("cmk", _p(KeyId="arn:aws:kms:eu-west-2:111122223333:key/abc"), FindingStatus.PASS),
    Example("aws-key", _p(KeyId="alias/aws/ssm"), FindingStatus.FAIL),
    Example("default", _p(), FindingStatus.FAIL),
)
