"""AppSync GraphQL APIs send logs to CloudWatch."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="AppSync GraphQL APIs have logging enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::AppSync::GraphQLApi",
    description="Without a log configuration AppSync records nothing about requests, resolvers or errors.",
    remediation=Remediation(
        console="AppSync > APIs > API > Settings > Logging: enable, with a CloudWatch Logs role.",
        cli="aws appsync update-graphql-api --api-id ID --name NAME --log-config fieldLogLevel=ERROR,cloudWatchLogsRoleArn=ROLE",
        cloudformation="LogConfig: {CloudWatchLogsRoleArn: !GetAtt LogsRole.Arn, FieldLogLevel: ERROR}",
        terraform='log_config { cloudwatch_logs_role_arn = aws_iam_role.logs.arn  field_log_level = "ERROR" }',
    ),
    checkov=("CKV_AWS_193",),
)

evaluate = expect_set(
    "LogConfig.CloudWatchLogsRoleArn",
    ok="logs to CloudWatch",
    bad="GraphQL API {name} has no logging",
)

EXAMPLES = (
    *examples(
        "AWS::AppSync::GraphQLApi",
        passing=[
            (
                "on",
                {
                    "LogConfig": {
                        "CloudWatchLogsRoleArn": "arn:aws:iam::1:role/logs",
                        "FieldLogLevel": "ERROR",
                    }
                },
            )
        ],
        failing=[("absent", {"Name": "api", "AuthenticationType": "AWS_IAM"})],
    ),
    unknown_example("AWS::AppSync::GraphQLApi", "LogConfig.CloudWatchLogsRoleArn"),
)
