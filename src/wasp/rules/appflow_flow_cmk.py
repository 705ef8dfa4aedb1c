"""AppFlow flows are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="AppFlow flows are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::AppFlow::Flow",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="AppFlow > Flows > FLOW > Edit > Data encryption: customize encryption settings with a customer-managed key.",
        cli="aws appflow create-flow --flow-name NAME --kms-arn KEY_ARN ...",
        cloudformation="KMSArn: !GetAtt Key.Arn",
        terraform="kms_arn = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_263",),
)

evaluate = expect_key(
    "KMSArn",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "AWS::AppFlow::Flow",
        passing=[("cmk", {"KMSArn": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"})],
        failing=[("default-key", {}), ("aws-managed-alias", {"KMSArn": "alias/aws/appflow"})],
    ),
    unknown_example("AWS::AppFlow::Flow", "KMSArn"),
)
