"""API Gateway HTTP and WebSocket API stages write access logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import expect_set

META = RuleMeta(
    title="API Gateway HTTP/WebSocket stages have access logging",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::ApiGatewayV2::Stage",
    description="HTTP and WebSocket APIs have no execution logs: access logs are the only record of who called "
    "the API and with what result.",
    remediation=Remediation(
        console="API Gateway > API > Monitor > Logging > STAGE > Edit: Access logging on, a log group ARN.",
        cli="aws apigatewayv2 update-stage --api-id API --stage-name STAGE --access-log-settings "
        "DestinationArn=LOG_GROUP_ARN,Format='$context.requestId'",
        cloudformation="AccessLogSettings: {DestinationArn: !GetAtt ApiLogs.Arn, Format: '$context.requestId ...'}",
        terraform="access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn  format = ... }",
    ),
    checkov=("CKV_AWS_95", "CKV_AWS_76"),
)

evaluate = expect_set(
    "AccessLogSettings.DestinationArn",
    ok="access logs written",
    bad="API stage {name} writes no access logs",
)

EXAMPLES = examples(
    "AWS::ApiGatewayV2::Stage",
    passing=[("on", {"AccessLogSettings": {"DestinationArn": "arn:aws:logs:eu-west-2:1:log-group:api"}})],
    failing=[("absent", {"StageName": "$default"})],
)
