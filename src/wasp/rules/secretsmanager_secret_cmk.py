"""Secrets Manager secrets are encrypted with a customer-managed KMS key."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._common import is_customer_managed_key
from wasp.rules._expect import examples
from wasp.rules._keyref import key_setting

META = RuleMeta(
    title="Secrets Manager secrets use a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01", "SEC02-BP03"),
    resource_type="AWS::SecretsManager::Secret",
    related_types=("AWS::KMS::Key",),
    description="With the default key (aws/secretsmanager) anyone allowed secretsmanager:GetSecretValue reads "
    "the secret. A customer-managed key adds a key policy to pass, can be shared with another account, and "
    "can be disabled to cut off every reader at once.",
    remediation=Remediation(
        console="Secrets Manager > SECRET > Actions > Edit encryption key: a customer-managed key.",
        cli="aws secretsmanager update-secret --secret-id SECRET --kms-key-id KEY_ARN",
        cloudformation="AWS::SecretsManager::Secret {KmsKeyId: !Ref SecretsKey}",
        terraform='resource "aws_secretsmanager_secret" "this" { kms_key_id = aws_kms_key.secrets.arn }',
    ),
    checkov=("CKV_AWS_149",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass when KmsKeyId names a customer-managed key (or one the stack creates)."""
    key = key_setting(view, "KmsKeyId")
    if key is True or is_customer_managed_key(key, ctx, view):
        return passed("secret encrypted with a customer-managed key")
    what = "the AWS-managed key" if key else "the default key (aws/secretsmanager)"
    return failed(f"secret {view.label('Name')} is encrypted with {what}, not a customer-managed key")


EXAMPLES = examples(
    "AWS::SecretsManager::Secret",
    passing=[
        ("cmk", {"Name": "db", "KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/abc"}),
        (
            "stack-key",
            {"Name": "db", "KmsKeyId": Unresolved("Fn::GetAtt Key.Arn is known only after deployment")},
        ),
    ],
    failing=[
        ("default", {"Name": "db"}),
        ("aws-alias", {"Name": "db", "KmsKeyId": "alias/aws/secretsmanager"}),
    ],
)
