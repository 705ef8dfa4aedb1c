"""DMS replication instances encrypt their storage with a customer managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import expect_set

META = RuleMeta(
    title="DMS replication instances use a customer managed key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::DMS::ReplicationInstance",
    description="Replication instances cache the data they copy; without KmsKeyId the storage is encrypted "
    "under the AWS managed DMS key, whose use no key policy of yours controls.",
    remediation=Remediation(
        console="DMS > Create replication instance > Advanced > KMS key: choose a customer managed key.",
        cli="aws dms create-replication-instance ... --kms-key-id KEY_ARN",
        cloudformation="KmsKeyId: !Ref DmsKey",
        terraform="kms_key_arn = aws_kms_key.dms.arn",
    ),
    checkov=("CKV_AWS_212",),
)

evaluate = expect_set(
    "KmsKeyId",
    ok="storage encrypted with a customer managed key",
    bad="DMS replication instance {name} uses the AWS managed key",
)

EXAMPLES = examples(
    "AWS::DMS::ReplicationInstance",
    passing=[("cmk", {"KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/k"})],
    failing=[("absent", {"ReplicationInstanceClass": "dms.t3.medium"})],
)
