"""API Gateway REST API stages write access logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import expect_set

META = RuleMeta(
    title="API Gateway REST stages have access logging",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::ApiGateway::Stage",
    description="Access logs record who called which method from where and with what result; execution logs "
    "alone do not identify callers. Without them abuse of the API cannot be investigated.",
    remediation=Remediation(
        console="API Gateway > API > Stages > STAGE > Logs and tracing > Edit: Custom access logging on, a log "
        "group ARN and a format.",
        cli="aws apigateway update-stage --rest-api-id API --stage-name STAGE --patch-operations "
        "op=replace,path=/accessLogSettings/destinationArn,value=LOG_GROUP_ARN",
        cloudformation="AccessLogSetting: {DestinationArn: !GetAtt ApiLogs.Arn, Format: '$context.requestId ...'}",
        terraform="access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn  format = ... }",
    ),
    checkov=("CKV_AWS_76",),
)

evaluate = expect_set(
    "AccessLogSetting.DestinationArn",
    ok="access logs written",
    bad="API stage {name} writes no access logs",
)

EXAMPLES = examples(
    "AWS::ApiGateway::Stage",
    passing=[("on", {"AccessLogSetting": {"DestinationArn": "arn:aws:logs:eu-west-2:1:log-group:api"}})],
    failing=[
        ("absent", {"StageName": "prod"}),
        ("live-none", {"AccessLogSetting": {"DestinationArn": None}}),
    ],
)
