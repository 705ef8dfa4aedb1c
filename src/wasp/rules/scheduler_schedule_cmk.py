"""EventBridge Scheduler schedules are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="EventBridge Scheduler schedules are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Scheduler::Schedule",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="EventBridge > Schedules > SCHEDULE > Edit > Settings > Encryption: customize encryption settings.",
        cli="aws scheduler update-schedule --name NAME --kms-key-arn KEY_ARN ...",
        cloudformation="KmsKeyArn: !GetAtt Key.Arn",
        terraform="kms_key_arn = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_297",),
)

evaluate = expect_key(
    "KmsKeyArn",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "AWS::Scheduler::Schedule",
        passing=[("cmk", {"KmsKeyArn": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"})],
        failing=[("default-key", {}), ("aws-managed-alias", {"KmsKeyArn": "alias/aws/eventbridge"})],
    ),
    unknown_example("AWS::Scheduler::Schedule", "KmsKeyArn"),
)
