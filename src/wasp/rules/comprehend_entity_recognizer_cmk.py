"""Comprehend entity recognizers encrypt the model and volume with customer-managed keys."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import customer_key, expect_all, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Comprehend entity recognizers are encrypted with customer-managed KMS keys",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Comprehend::EntityRecognizer",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="Comprehend > Custom entity recognition > Train recognizer > Recognizer encryption and Volume encryption: customer keys.",
        cli="aws comprehend create-entity-recognizer --model-kms-key-id KEY --volume-kms-key-id KEY ...",
        cloudformation="ModelKmsKeyId: !Ref Key  VolumeKmsKeyId: !Ref Key",
        terraform="model_kms_key_id = aws_kms_key.this.arn  volume_kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=(
        "CKV_AWS_267",
        "CKV_AWS_268",
    ),
)

evaluate = expect_all(
    (
        ("ModelKmsKeyId", customer_key, None, "a customer-managed key for the model"),
        ("VolumeKmsKeyId", customer_key, None, "a customer-managed key for the volume"),
    ),
    ok="model and volume encrypted with customer-managed keys",
    bad="entity recognizer {name} lacks {missing}",
)

EXAMPLES = (
    *examples(
        "AWS::Comprehend::EntityRecognizer",
        passing=[
            (
                "both",
                {
                    "ModelKmsKeyId": "arn:aws:kms:eu-west-2:1:key/1",
                    "VolumeKmsKeyId": "arn:aws:kms:eu-west-2:1:key/1",
                },
            )
        ],
        failing=[("model-only", {"ModelKmsKeyId": "arn:aws:kms:eu-west-2:1:key/1"}), ("none", {})],
    ),
    unknown_example(
        "AWS::Comprehend::EntityRecognizer",
        "ModelKmsKeyId",
        {"VolumeKmsKeyId": "arn:aws:kms:eu-west-2:1:key/1"},
    ),
)
