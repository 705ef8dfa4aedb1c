"""AppSync GraphQL APIs log resolver (field-level) activity."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="AppSync GraphQL APIs have field-level logging",
    severity=Severity.LOW,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::AppSync::GraphQLApi",
    description="Field-level logs (ERROR or ALL) record resolver errors and, at ALL, each resolver's request and response, the trail for investigating data access through the API.",
    remediation=Remediation(
        console="AppSync > APIs > API > Settings > Logging > Field resolver log level: Error or All.",
        cli="aws appsync update-graphql-api --api-id ID --name NAME --log-config fieldLogLevel=ERROR,cloudWatchLogsRoleArn=ROLE",
        cloudformation="LogConfig: {FieldLogLevel: ERROR, CloudWatchLogsRoleArn: !GetAtt LogsRole.Arn}",
        terraform='log_config { field_log_level = "ERROR" }',
    ),
    checkov=("CKV_AWS_194",),
)

evaluate = expect(
    "LogConfig.FieldLogLevel",
    none_of("NONE"),
    ok="field-level logging {value}",
    bad="GraphQL API {name} has no field-level logging",
    default="NONE",
)

EXAMPLES = (
    *examples(
        "AWS::AppSync::GraphQLApi",
        passing=[("error", {"LogConfig": {"FieldLogLevel": "ERROR"}})],
        failing=[("absent", {"Name": "api"}), ("none", {"LogConfig": {"FieldLogLevel": "NONE"}})],
    ),
    unknown_example("AWS::AppSync::GraphQLApi", "LogConfig.FieldLogLevel"),
)
