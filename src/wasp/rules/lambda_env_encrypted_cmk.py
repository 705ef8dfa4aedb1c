"""Lambda functions with environment variables encrypt them with a customer managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import expect_set

META = RuleMeta(
    title="Lambda environment variables are encrypted with a customer managed key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Lambda::Function",
    description="Lambda encrypts environment variables with an AWS managed key by default; a customer managed "
    "key lets the key policy decide who may read them and logs each decrypt. Only functions that have "
    "environment variables are judged.",
    remediation=Remediation(
        console="Lambda > FUNCTION > Configuration > Environment variables > Edit > Encryption configuration: "
        "Use a customer master key.",
        cli="aws lambda update-function-configuration --function-name FN --kms-key-arn KEY_ARN",
        cloudformation="KmsKeyArn: !GetAtt FunctionKey.Arn",
        terraform="kms_key_arn = aws_kms_key.lambda.arn",
    ),
    checkov=("CKV_AWS_173",),
)


def _has_variables(view: ResourceView) -> bool:
    return bool(view.get("Environment.Variables"))


evaluate = expect_set(
    "KmsKeyArn",
    ok="environment encrypted with a customer managed key",
    bad="function {name} keeps environment variables under the AWS managed key",
    applies=_has_variables,
)

_ENV = {"Environment": {"Variables": {"TABLE": "orders"}}}
EXAMPLES = examples(
    "AWS::Lambda::Function",
    passing=[("cmk", {**_ENV, "KmsKeyArn": "arn:aws:kms:eu-west-2:111122223333:key/k"})],
    failing=[("default-key", _ENV)],
)
