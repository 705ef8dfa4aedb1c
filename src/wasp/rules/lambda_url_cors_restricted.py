"""Lambda function URLs do not allow every origin with credentials-bearing CORS."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import judge_list

META = RuleMeta(
    title="Lambda function URLs do not allow CORS from any origin",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::Lambda::Url",
    description="AllowOrigins '*' lets scripts on any web site call the function from a visitor's browser; "
    "list the origins of your own front ends.",
    remediation=Remediation(
        console="Lambda > FUNCTION > Configuration > Function URL > Edit > CORS: Allow origin your domains only.",
        cli="aws lambda update-function-url-config --function-name FN --cors AllowOrigins=https://app.example.com",
        cloudformation="Cors: {AllowOrigins: [https://app.example.com]}",
        terraform='cors { allow_origins = ["https://app.example.com"] }',
    ),
    checkov=("CKV2_AWS_75",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """No '*' among the allowed origins."""
    origins = judge_list(view, "Cors.AllowOrigins")
    if "*" in origins:
        return failed(f"function URL {view.id} allows CORS requests from any origin")
    return passed("CORS limited to named origins" if origins else "no CORS")


evaluate = live_reads("TargetFunctionArn", _evaluate)

EXAMPLES = with_read(
    {"TargetFunctionArn": "fn"},
    examples(
        "AWS::Lambda::Url",
        passing=[("named", {"Cors": {"AllowOrigins": ["https://app.example.com"]}})],
        failing=[("any", {"Cors": {"AllowOrigins": ["*"]}})],
    ),
)
