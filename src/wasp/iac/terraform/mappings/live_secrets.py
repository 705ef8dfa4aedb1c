"""Secrets Manager split resources: a rotation beside the secret it rotates, as CloudFormation keeps it."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.shapes import Props, Values, block, pick

SCHEDULE = "AWS::SecretsManager::RotationSchedule"


def rotation(parent: Props, v: Values) -> Props:
    """``aws_secretsmanager_secret_rotation`` as ``AWS::SecretsManager::RotationSchedule`` naming its secret."""
    rules = pick(
        block(v.get("rotation_rules")),
        {"automatically_after_days": "AutomaticallyAfterDays", "schedule_expression": "ScheduleExpression"},
    )
    props: Props = {"SecretId": parent["__key__"], "RotationRules": rules}
    if v.get("rotation_lambda_arn") is not None:
        props["RotationLambdaARN"] = v["rotation_lambda_arn"]
    return props


FOLDS: dict[str, Fold] = {
    "aws_secretsmanager_secret_rotation": Fold(
        "secret_id", ("aws_secretsmanager_secret",), separate=(SCHEDULE, rotation)
    ),
}
"""The rotation is kept apart (CloudFormation's RotationSchedule), linked to the secret by its key."""

MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {}
"""No types of its own: the secret itself is mapped with the security types."""
