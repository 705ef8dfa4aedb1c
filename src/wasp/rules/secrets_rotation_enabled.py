"""Secrets Manager secrets rotate automatically."""

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
    failed,
    passed,
)

META = RuleMeta(
    title="Secrets Manager secrets have rotation enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP03", "SEC02-BP05"),
    resource_type="AWS::SecretsManager::Secret",
    description="Automatic rotation bounds how long a leaked secret stays useful.",
    remediation=Remediation(
        console="Secrets Manager > SECRET > Rotation > Edit rotation: on, with a rotation function and schedule.",
        cli="aws secretsmanager rotate-secret --secret-id SECRET --rotation-lambda-arn ARN --rotation-rules AutomaticallyAfterDays=30",
        cloudformation="AWS::SecretsManager::RotationSchedule {SecretId: !Ref Secret, RotationRules: {AutomaticallyAfterDays: 30}}",
        terraform='resource "aws_secretsmanager_secret_rotation" "this" { rotation_rules { automatically_after_days = 30 } }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless rotation is on."""
    if view.get(f"{SUPPLEMENTARY}.RotationEnabled"):
        return passed("rotation enabled")
    return failed(f"secret {view.id} does not rotate")


EXAMPLES = (
    Example(
        "rotating",
        example_resource("AWS::SecretsManager::Secret", {SUPPLEMENTARY: {"RotationEnabled": True}}),
        FindingStatus.PASS,
    ),
    Example(
        "static",
        example_resource("AWS::SecretsManager::Secret", {SUPPLEMENTARY: {"RotationEnabled": False}}),
        FindingStatus.FAIL,
    ),
)
