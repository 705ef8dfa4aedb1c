"""CloudWatch Logs log groups are encrypted with a KMS key."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._keyref import key_setting

META = RuleMeta(
    title="CloudWatch log groups are encrypted with a KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02", "SEC04-BP01"),
    resource_type="AWS::Logs::LogGroup",
    description="Logs often carry personal data, tokens and request bodies. A KMS key puts a key policy "
    "(kms:Decrypt) between a reader and the events, and every use of it is logged in CloudTrail.",
    remediation=Remediation(
        console="Not in the console: use the CLI (associate-kms-key) with a key whose policy allows "
        "logs.REGION.amazonaws.com.",
        cli="aws logs associate-kms-key --log-group-name GROUP --kms-key-id KEY_ARN",
        cloudformation="AWS::Logs::LogGroup {KmsKeyId: !GetAtt LogsKey.Arn}",
        terraform='resource "aws_cloudwatch_log_group" "this" { kms_key_id = aws_kms_key.logs.arn }',
    ),
    checkov=("CKV_AWS_158",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass when KmsKeyId is set (or references a key the stack creates)."""
    if key_setting(view, "KmsKeyId"):
        return passed("log group encrypted with a KMS key")
    name = view.resource.origin.address or view.id
    return failed(f"log group {name} is not encrypted with a KMS key (only the service's default encryption)")


EXAMPLES = (
    *examples(
        "AWS::Logs::LogGroup",
        passing=[
            ("kms", {"LogGroupName": "app", "KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/abc"}),
            ("stack-key", {"KmsKeyId": Unresolved("Fn::GetAtt LogsKey.Arn is known only after deployment")}),
        ],
        failing=[("default", {"LogGroupName": "app"}), ("empty", {"LogGroupName": "app", "KmsKeyId": ""})],
    ),
)
