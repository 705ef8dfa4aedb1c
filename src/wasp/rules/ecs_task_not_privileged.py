"""ECS containers do not run privileged."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._net_ecs import REMEDY_FAMILY, each_container
from wasp.rules._shape import on

META = RuleMeta(
    title="ECS containers do not run in privileged mode",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP02",),
    resource_type="AWS::ECS::TaskDefinition",
    description="A privileged container has root on its host: every device and kernel capability, and with it "
    "every other task on the instance.",
    remediation=Remediation(
        console=f"ECS > Task definitions > FAMILY > Create new revision: clear Privileged. {REMEDY_FAMILY}",
        cli="aws ecs register-task-definition --cli-input-json file://task.json  # privileged: false",
        cloudformation="ContainerDefinitions: [{Privileged: false}]",
        terraform="container_definitions = jsonencode([{ privileged = false, ... }])",
    ),
    checkov=("CKV_AWS_334",),
)

_evaluate = each_container(
    lambda c: on("ContainerDefinitions Privileged", c.get("Privileged")),
    ok="no privileged containers",
    bad="task definition {family} runs privileged container(s) {names}",
)


evaluate = live_reads("ContainerDefinitions", _evaluate)

EXAMPLES = with_read(
    {"ContainerDefinitions": []},
    examples(
        "AWS::ECS::TaskDefinition",
        passing=[("plain", {"ContainerDefinitions": [{"Name": "app", "Privileged": False}]})],
        failing=[("privileged", {"ContainerDefinitions": [{"Name": "app", "Privileged": True}]})],
    ),
)
