"""SageMaker endpoint configurations encrypt the endpoint's storage volumes with a KMS key."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import Example, Remediation, RuleMeta, example_resource
from wasp.rules._iam_refs import expect_set

META = RuleMeta(
    title="SageMaker endpoint configurations encrypt storage with a KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02", "SEC08-BP01"),
    resource_type="AWS::SageMaker::EndpointConfig",
    description="The ML storage volumes attached to the endpoint's instances hold the model and inference data; "
    "KmsKeyId encrypts them with a key the account controls.",
    remediation=Remediation(
        console="SageMaker > Inference > Endpoint configurations > Create: Encryption key: choose a KMS key "
        "(an endpoint configuration cannot be changed: create a new one and update the endpoint).",
        cli="aws sagemaker create-endpoint-config --endpoint-config-name NAME --kms-key-id KEY "
        "--production-variants file://variants.json",
        cloudformation="KmsKeyId: !Ref ModelKey",
        terraform="kms_key_arn = aws_kms_key.model.arn",
    ),
    checkov=("CKV_AWS_98",),
)

evaluate = expect_set(
    "KmsKeyId", ok="storage encrypted with a KMS key", bad="endpoint configuration {name} has no KMS key"
)

_T = "AWS::SageMaker::EndpointConfig"
EXAMPLES = (
    Example("key", example_resource(_T, {"KmsKeyId": "alias/models"}), FindingStatus.PASS),
    Example(
        "declared-key",
        example_resource(_T, {"KmsKeyId": Unresolved("aws_kms_key.models.arn is known only after apply")}),
        FindingStatus.PASS,
    ),
    Example("none", example_resource(_T, {"EndpointConfigName": "model"}), FindingStatus.FAIL),
)
