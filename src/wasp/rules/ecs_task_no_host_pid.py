"""ECS tasks do not share the host's process namespace."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, none_of
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="ECS tasks do not share the host's process namespace",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP02",),
    resource_type="AWS::ECS::TaskDefinition",
    description="PidMode host lets a container see, and signal, every process on the instance, those of "
    "other tasks and of the ECS agent included.",
    remediation=Remediation(
        console="ECS > Task definitions > FAMILY > Create new revision: PID mode none (or task).",
        cli="aws ecs register-task-definition --cli-input-json file://task.json  # no pidMode host",
        cloudformation="PidMode: task (or leave it out)",
        terraform='pid_mode = "task" (or leave it out)',
    ),
    checkov=("CKV_AWS_335",),
)

_evaluate = expect(
    "PidMode",
    none_of("host"),
    ok="own process namespace",
    bad="task definition {name} shares the host's process namespace",
)


evaluate = live_reads("ContainerDefinitions", _evaluate)

EXAMPLES = with_read(
    {"ContainerDefinitions": []},
    examples(
        "AWS::ECS::TaskDefinition",
        passing=[("default", {"Family": "app"}), ("task", {"PidMode": "task"})],
        failing=[("host", {"PidMode": "host"})],
    ),
)
