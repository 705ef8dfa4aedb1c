"""ECS clusters log ECS Exec sessions."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, none_of
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="ECS clusters log ECS Exec sessions",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01", "SEC06-BP03"),
    resource_type="AWS::ECS::Cluster",
    description="ECS Exec opens an interactive shell in a running container; with logging NONE the commands "
    "typed there leave no record. DEFAULT (the awslogs configuration of the task) or OVERRIDE keeps them.",
    remediation=Remediation(
        console="ECS > Clusters > CLUSTER > Update cluster > ECS Exec configuration: logging Default or Override.",
        cli="aws ecs update-cluster --cluster C --configuration "
        "'executeCommandConfiguration={logging=OVERRIDE,logConfiguration={cloudWatchLogGroupName=ecs-exec}}'",
        cloudformation="Configuration: {ExecuteCommandConfiguration: {Logging: OVERRIDE, LogConfiguration: "
        "{CloudWatchLogGroupName: !Ref ExecLogs}}}",
        terraform='configuration { execute_command_configuration { logging = "OVERRIDE" log_configuration { ... } } }',
    ),
    checkov=("CKV_AWS_223",),
)

_evaluate = expect(
    "Configuration.ExecuteCommandConfiguration.Logging",
    none_of("NONE"),
    ok="ECS Exec sessions logged",
    bad="ECS cluster {name} does not log ECS Exec sessions (logging NONE)",
    default="DEFAULT",
)


evaluate = live_reads("Configuration", _evaluate)

EXAMPLES = with_read(
    {"Configuration": {}},
    examples(
        "AWS::ECS::Cluster",
        passing=[
            ("default", {"ClusterName": "web"}),
            ("override", {"Configuration": {"ExecuteCommandConfiguration": {"Logging": "OVERRIDE"}}}),
        ],
        failing=[("none", {"Configuration": {"ExecuteCommandConfiguration": {"Logging": "NONE"}}})],
    ),
)
