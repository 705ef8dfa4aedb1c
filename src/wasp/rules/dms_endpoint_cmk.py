"""DMS endpoints encrypt their connection details with a customer managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import expect_set

META = RuleMeta(
    title="DMS endpoints use a customer managed key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::DMS::Endpoint",
    description="An endpoint stores the database's connection details, credentials included; without KmsKeyId "
    "they are encrypted under the AWS managed DMS key.",
    remediation=Remediation(
        console="DMS > Endpoints > Create endpoint > Endpoint settings > KMS key: a customer managed key "
        "(set at creation).",
        cli="aws dms create-endpoint ... --kms-key-id KEY_ARN",
        cloudformation="KmsKeyId: !Ref DmsKey",
        terraform="kms_key_arn = aws_kms_key.dms.arn",
    ),
    checkov=("CKV_AWS_296",),
)

evaluate = expect_set(
    "KmsKeyId",
    ok="connection details encrypted with a customer managed key",
    bad="DMS endpoint {name} uses the AWS managed key",
)

EXAMPLES = examples(
    "AWS::DMS::Endpoint",
    passing=[("cmk", {"KmsKeyId": "arn:aws:kms:eu-west-2:1:key/k"})],
    failing=[("absent", {"EngineName": "mysql"})],
)
