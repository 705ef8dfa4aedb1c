"""ECS task definitions keep secrets out of plain environment variables."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._common import secrets_verdict

META = RuleMeta(
    title="ECS task definitions keep secrets out of plain environment variables",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP03",),
    resource_type="AWS::ECS::TaskDefinition",
    description="Plain environment values are visible to anyone with ecs:DescribeTaskDefinition; the secrets field injects them from Secrets Manager or SSM instead. Names are reported, values never.",
    remediation=Remediation(
        console="ECS > Task definitions > Create new revision: move the value to 'secrets' (ValueFrom a Secrets Manager ARN).",
        cli="aws ecs register-task-definition --cli-input-json file://td.json   # with secrets: [{name, valueFrom}]",
        cloudformation="ContainerDefinitions: [{Secrets: [{Name: DB_PASSWORD, ValueFrom: !Ref DbSecret}]}]",
        terraform='secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }] in container_definitions',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on any detector hit recorded at Supplementary.EnvironmentSecrets."""
    return secrets_verdict(view, f"{SUPPLEMENTARY}.EnvironmentSecrets", "container environment")


EXAMPLES = (
    Example(
        "clean",
        example_resource("AWS::ECS::TaskDefinition", {SUPPLEMENTARY: {"EnvironmentSecrets": []}}),
        FindingStatus.PASS,
    ),
    Example(
        "leaky",
        example_resource(
            "AWS::ECS::TaskDefinition",
            {
                SUPPLEMENTARY: {
                    "EnvironmentSecrets": [{"Where": "DB_PASSWORD", "Detector": "secret-named-variable"}]
                }
            },
        ),
        FindingStatus.FAIL,
    ),
)
