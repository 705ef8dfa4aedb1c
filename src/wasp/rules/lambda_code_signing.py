"""Lambda functions validate code signatures."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._net import declared_examples, declared_only, expect_set

META = RuleMeta(
    title="Lambda functions use code signing",
    severity=Severity.LOW,
    best_practices=("SEC06-BP04",),
    resource_type="AWS::Lambda::Function",
    description="A code signing configuration makes Lambda reject deployment packages not signed by your "
    "signing profiles, so a leaked deploy credential cannot push arbitrary code.",
    remediation=Remediation(
        console="Lambda > FUNCTION > Configuration > Code signing > Edit: choose a code signing configuration.",
        cli="aws lambda put-function-code-signing-config --function-name FN --code-signing-config-arn CSC_ARN",
        cloudformation="CodeSigningConfigArn: !Ref CodeSigningConfig",
        terraform="code_signing_config_arn = aws_lambda_code_signing_config.signed.arn",
    ),
    checkov=("CKV_AWS_272",),
)

evaluate = declared_only(
    expect_set(
        "CodeSigningConfigArn", ok="code signatures validated", bad="function {name} accepts unsigned code"
    ),
    "the code signing configuration",
)

EXAMPLES = declared_examples(
    "AWS::Lambda::Function",
    passing=[("signed", {"CodeSigningConfigArn": "arn:aws:lambda:eu-west-2:1:code-signing-config:csc-1"})],
    failing=[("unsigned", {"Runtime": "python3.13"})],
)
