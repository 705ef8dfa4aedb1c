"""API Gateway stages do not log full request and response bodies."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._net_apigw import method_settings, where
from wasp.rules._shape import on

META = RuleMeta(
    title="API Gateway stages do not enable data tracing",
    severity=Severity.MEDIUM,
    best_practices=("SEC07-BP02",),
    resource_type="AWS::ApiGateway::Stage",
    description="Data tracing writes whole requests and responses (tokens, personal data, secrets) to "
    "CloudWatch Logs, where far more people can read them than can call the API. Use it briefly to debug, "
    "never in production.",
    remediation=Remediation(
        console="API Gateway > API > Stages > STAGE > Logs and tracing > Edit: clear Data tracing.",
        cli="aws apigateway update-stage --rest-api-id API --stage-name STAGE --patch-operations "
        "op=replace,path=/*/*/logging/dataTrace,value=false",
        cloudformation="MethodSettings: [{ResourcePath: '/*', HttpMethod: '*', DataTraceEnabled: false}]",
        terraform="aws_api_gateway_method_settings { settings { data_trace_enabled = false } }",
    ),
    checkov=("CKV_AWS_276",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Any method setting with DataTraceEnabled fails."""
    traced = [
        where(m)
        for m in method_settings(view)
        if on("MethodSettings DataTraceEnabled", m.get("DataTraceEnabled"))
    ]
    if traced:
        return failed(
            f"API stage {view.label('StageName')} logs full request/response data for {', '.join(traced)}"
        )
    return passed("no data tracing")


evaluate = live_reads("MethodSettings", _evaluate)

EXAMPLES = with_read(
    {"MethodSettings": []},
    examples(
        "AWS::ApiGateway::Stage",
        passing=[
            ("off", {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "ERROR"}]})
        ],
        failing=[
            ("on", {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "DataTraceEnabled": True}]})
        ],
    ),
)
