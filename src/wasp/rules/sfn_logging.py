"""Step Functions state machines log their executions."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="Step Functions state machines log execution history",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::StepFunctions::StateMachine",
    description="Execution logs in CloudWatch Logs record what each workflow run did with its input; with logging OFF there is no record beyond the 90-day execution history of standard workflows.",
    remediation=Remediation(
        console="Step Functions > State machines > MACHINE > Edit > Logging: ALL (or ERROR) to a log group.",
        cli="aws stepfunctions update-state-machine --state-machine-arn ARN --logging-configuration level=ALL,includeExecutionData=false,destinations=[{cloudWatchLogsLogGroup={logGroupArn=ARN}}]",
        cloudformation="LoggingConfiguration: {Level: ALL, Destinations: [{CloudWatchLogsLogGroup: {LogGroupArn: !GetAtt Logs.Arn}}]}",
        terraform='logging_configuration { level = "ALL"  log_destination = "${aws_cloudwatch_log_group.this.arn}:*" }',
    ),
    checkov=("CKV_AWS_285",),
)

evaluate = expect(
    "LoggingConfiguration.Level",
    none_of("OFF"),
    ok="execution logging {value}",
    bad="state machine {name} does not log its executions",
    default="OFF",
)

EXAMPLES = (
    *examples(
        "AWS::StepFunctions::StateMachine",
        passing=[("all", {"LoggingConfiguration": {"Level": "ALL"}})],
        failing=[
            ("absent", {"StateMachineType": "STANDARD"}),
            ("off", {"LoggingConfiguration": {"Level": "OFF"}}),
        ],
    ),
    unknown_example("AWS::StepFunctions::StateMachine", "LoggingConfiguration.Level"),
)
