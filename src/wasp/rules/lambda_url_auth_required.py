"""Lambda function URLs require IAM authentication."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, none_of
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Lambda function URLs require IAM authentication",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP02", "SEC03-BP07"),
    resource_type="AWS::Lambda::Url",
    public_exposure=True,
    description="A function URL with AuthType NONE lets anyone on the internet invoke the function; the code "
    "becomes the only check. Use AWS_IAM, or put API Gateway with an authoriser in front.",
    remediation=Remediation(
        console="Lambda > FUNCTION > Configuration > Function URL > Edit > Auth type: AWS_IAM.",
        cli="aws lambda update-function-url-config --function-name FN --auth-type AWS_IAM",
        cloudformation="AWS::Lambda::Url with AuthType: AWS_IAM",
        terraform='aws_lambda_function_url { authorization_type = "AWS_IAM" }',
    ),
    checkov=("CKV_AWS_258",),
)

_evaluate = expect(
    "AuthType",
    none_of("NONE"),
    ok="invocations need IAM authentication",
    bad="function URL {name} can be invoked by anyone (AuthType NONE)",
)


evaluate = live_reads("TargetFunctionArn", _evaluate)

EXAMPLES = with_read(
    {"TargetFunctionArn": "fn"},
    examples(
        "AWS::Lambda::Url",
        passing=[("iam", {"AuthType": "AWS_IAM", "TargetFunctionArn": "fn"})],
        failing=[("none", {"AuthType": "NONE", "TargetFunctionArn": "fn"})],
    ),
)
