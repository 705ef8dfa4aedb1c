"""MWAA environments send scheduler, worker and web server logs to CloudWatch."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_all, unknown_example
from wasp.rules._expect import examples, is_true

META = RuleMeta(
    title="MWAA environments log the scheduler, workers and web server",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::MWAA::Environment",
    description="Scheduler, worker and web server logs record who ran which DAG and what it did; without them an incident in the Airflow environment cannot be investigated.",
    remediation=Remediation(
        console="MWAA > Environments > ENV > Edit > Monitoring: enable scheduler, worker and web server logs.",
        cli="aws mwaa update-environment --name ENV --logging-configuration 'SchedulerLogs={Enabled=true,LogLevel=INFO},WorkerLogs={Enabled=true,LogLevel=INFO},WebserverLogs={Enabled=true,LogLevel=INFO}'",
        cloudformation="LoggingConfiguration: {SchedulerLogs: {Enabled: true, LogLevel: INFO}, WorkerLogs: {...}, WebserverLogs: {...}}",
        terraform="logging_configuration { scheduler_logs { enabled = true } worker_logs { enabled = true } webserver_logs { enabled = true } }",
    ),
    checkov=(
        "CKV_AWS_242",
        "CKV_AWS_243",
        "CKV_AWS_244",
    ),
)

evaluate = expect_all(
    (
        ("LoggingConfiguration.SchedulerLogs.Enabled", is_true, False, "SchedulerLogs"),
        ("LoggingConfiguration.WorkerLogs.Enabled", is_true, False, "WorkerLogs"),
        ("LoggingConfiguration.WebserverLogs.Enabled", is_true, False, "WebserverLogs"),
    ),
    ok="scheduler, worker and web server logs on",
    bad="MWAA environment {name} does not log {missing}",
)

EXAMPLES = (
    *examples(
        "AWS::MWAA::Environment",
        passing=[
            (
                "all",
                {
                    "LoggingConfiguration": {
                        "SchedulerLogs": {"Enabled": True, "LogLevel": "INFO"},
                        "WorkerLogs": {"Enabled": True, "LogLevel": "INFO"},
                        "WebserverLogs": {"Enabled": True, "LogLevel": "INFO"},
                    }
                },
            )
        ],
        failing=[
            ("none", {"Name": "airflow"}),
            (
                "worker-off",
                {
                    "LoggingConfiguration": {
                        "SchedulerLogs": {"Enabled": True},
                        "WorkerLogs": {"Enabled": False},
                        "WebserverLogs": {"Enabled": True},
                    }
                },
            ),
        ],
    ),
    unknown_example(
        "AWS::MWAA::Environment",
        "LoggingConfiguration.SchedulerLogs.Enabled",
        {"LoggingConfiguration": {"WorkerLogs": {"Enabled": True}, "WebserverLogs": {"Enabled": True}}},
    ),
)
