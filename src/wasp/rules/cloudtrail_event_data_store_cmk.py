"""CloudTrail Lake event data stores are encrypted with a customer-managed KMS key."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import Example, Remediation, RuleMeta, example_resource
from wasp.rules._iam_refs import expect_set

META = RuleMeta(
    title="CloudTrail Lake event data stores use a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01", "SEC04-BP01"),
    resource_type="AWS::CloudTrail::EventDataStore",
    description="An event data store holds years of audit events; with a customer-managed key, who may read them "
    "is decided by a key policy the account controls, and revoking the key revokes access.",
    remediation=Remediation(
        console="CloudTrail > Lake > Event data stores > STORE > Edit > Encryption: use my own KMS key.",
        cli="aws cloudtrail update-event-data-store --event-data-store ARN --kms-key-id KEY",
        cloudformation="KmsKeyId: !Ref AuditKey",
        terraform="kms_key_id = aws_kms_key.audit.arn",
    ),
    checkov=("CKV_AWS_294",),
)

evaluate = expect_set(
    "KmsKeyId",
    ok="encrypted with a customer-managed key",
    bad="event data store {name} uses the AWS-owned key",
)

_T = "AWS::CloudTrail::EventDataStore"
EXAMPLES = (
    Example("cmk", example_resource(_T, {"KmsKeyId": "alias/audit"}), FindingStatus.PASS),
    Example("aws-owned", example_resource(_T, {"Name": "audit"}), FindingStatus.FAIL),
)
