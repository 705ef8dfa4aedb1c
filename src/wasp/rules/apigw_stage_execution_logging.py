"""API Gateway REST stages log execution errors (or more) for every method."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._net_apigw import method_settings

LEVELS = ("ERROR", "INFO")

META = RuleMeta(
    title="API Gateway REST stages have execution logging",
    severity=Severity.LOW,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::ApiGateway::Stage",
    description="Execution logs (ERROR or INFO) record authoriser failures, throttling and integration errors, "
    "the trail an investigation of abuse follows. Judged on the stage-wide setting (/*/*).",
    remediation=Remediation(
        console="API Gateway > API > Stages > STAGE > Logs and tracing > Edit: CloudWatch logs Errors only (or "
        "Errors and info).",
        cli="aws apigateway update-stage --rest-api-id API --stage-name STAGE --patch-operations "
        "op=replace,path=/*/*/logging/loglevel,value=ERROR",
        cloudformation="MethodSettings: [{ResourcePath: '/*', HttpMethod: '*', LoggingLevel: ERROR}]",
        terraform='aws_api_gateway_method_settings { method_path = "*/*"  settings { logging_level = "ERROR" } }',
    ),
    checkov=("CKV2_AWS_4",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """The stage-wide setting logs ERROR or INFO."""
    for m in method_settings(view):
        if m.get("ResourcePath", "/*") in ("/*", "*") and m.get("HttpMethod", "*") == "*":
            level = str(m.get("LoggingLevel") or "OFF").upper()
            if level in LEVELS:
                return passed(f"execution logging at {level}")
    return failed(f"API stage {view.label('StageName')} has no stage-wide execution logging")


evaluate = live_reads("MethodSettings", _evaluate)

EXAMPLES = with_read(
    {"MethodSettings": []},
    examples(
        "AWS::ApiGateway::Stage",
        passing=[
            (
                "error",
                {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "ERROR"}]},
            )
        ],
        failing=[
            ("none", {"StageName": "prod"}),
            ("off", {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "OFF"}]}),
        ],
    ),
)
