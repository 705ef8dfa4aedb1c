"""ECS containers mount their root filesystem read-only."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._net_ecs import REMEDY_FAMILY, each_container
from wasp.rules._shape import on

META = RuleMeta(
    title="ECS containers have read-only root filesystems",
    severity=Severity.LOW,
    best_practices=("SEC06-BP02",),
    resource_type="AWS::ECS::TaskDefinition",
    description="A writable root filesystem lets an intruder drop tools and change binaries inside the "
    "container; write only to named volumes.",
    remediation=Remediation(
        console=f"ECS > Task definitions > FAMILY > Create new revision > container: Read only root file "
        f"system. {REMEDY_FAMILY}",
        cli="aws ecs register-task-definition --cli-input-json file://task.json  # readonlyRootFilesystem: true",
        cloudformation="ContainerDefinitions: [{ReadonlyRootFilesystem: true}]",
        terraform="container_definitions = jsonencode([{ readonlyRootFilesystem = true, ... }])",
    ),
    checkov=("CKV_AWS_336",),
)

_evaluate = each_container(
    lambda c: not on("ContainerDefinitions ReadonlyRootFilesystem", c.get("ReadonlyRootFilesystem")),
    ok="every container's root filesystem is read-only",
    bad="task definition {family}: container(s) {names} can write to their root filesystem",
)


evaluate = live_reads("ContainerDefinitions", _evaluate)

EXAMPLES = with_read(
    {"ContainerDefinitions": []},
    examples(
        "AWS::ECS::TaskDefinition",
        passing=[("ro", {"ContainerDefinitions": [{"Name": "app", "ReadonlyRootFilesystem": True}]})],
        failing=[("default", {"ContainerDefinitions": [{"Name": "app"}]})],
    ),
)
