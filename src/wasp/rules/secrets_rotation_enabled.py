"""Secrets Manager secrets rotate automatically, at least every 90 days."""

import re
from dataclasses import replace
from typing import Any

from wasp.model import FindingStatus, OriginKind, Severity, Unresolved
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
from wasp.rules._shape import block, flag, number

SECRET = "AWS::SecretsManager::Secret"
SCHEDULE = "AWS::SecretsManager::RotationSchedule"
MAX_DAYS = 90
_RATE = re.compile(r"^\s*rate\(\s*(\d+)\s+days?\s*\)\s*$", re.IGNORECASE)

META = RuleMeta(
    title="Secrets Manager secrets have rotation enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP03", "SEC02-BP05"),
    resource_type=SECRET,
    related_types=(SCHEDULE,),
    description="Automatic rotation bounds how long a leaked secret stays useful: rotation must be on, at "
    f"least every {MAX_DAYS} days. In a template, a RotationSchedule (aws_secretsmanager_secret_rotation) "
    "names the secret.",
    remediation=Remediation(
        console="Secrets Manager > SECRET > Rotation > Edit rotation: on, with a rotation function and schedule.",
        cli="aws secretsmanager rotate-secret --secret-id SECRET --rotation-lambda-arn ARN --rotation-rules AutomaticallyAfterDays=30",
        cloudformation="AWS::SecretsManager::RotationSchedule {SecretId: !Ref Secret, RotationRules: {AutomaticallyAfterDays: 30}}",
        terraform='resource "aws_secretsmanager_secret_rotation" "this" { rotation_rules { automatically_after_days = 30 } }',
    ),
    checkov=("CKV2_AWS_57", "CKV_AWS_304"),
)


def interval_days(rules: Any) -> int | None:
    """Days between rotations from ``RotationRules`` (AutomaticallyAfterDays or a rate() expression);
    None when the schedule does not say (a cron expression)."""
    if not isinstance(rules, dict):
        return None
    days = rules.get("AutomaticallyAfterDays")
    if days is not None:
        return int(days)
    match = _RATE.match(str(rules.get("ScheduleExpression") or ""))
    return int(match.group(1)) if match else None


def _schedule(view: ResourceView, ctx: RuleContext) -> Any:
    """The template's RotationSchedule naming this secret (by logical id, address or name), if any."""
    own = {view.id, str(view.resource.properties.get("Name") or view.id)}
    for s in ctx.inventory.of_type(SCHEDULE):
        if s.properties.get("SecretId") in own:
            return s
    return None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Live: the secret's rotation state; in a template: a rotation schedule naming it. At most 90 days apart."""
    if view.resource.origin.kind not in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM):
        if not flag(view, f"{SUPPLEMENTARY}.RotationEnabled"):
            return failed(f"secret {view.id} does not rotate")
        rules = block(view, f"{SUPPLEMENTARY}.RotationRules")
        number(view, f"{SUPPLEMENTARY}.RotationRules.AutomaticallyAfterDays")  # of the wrong type: raises
    else:
        schedule = _schedule(view, ctx)
        if schedule is None:
            return failed(f"secret {view.label('Name')} has no rotation schedule")
        rules = view.neighbour(schedule).get("RotationRules")
    days = interval_days(rules)
    if days is not None and days > MAX_DAYS:
        return failed(f"secret {view.label('Name')} rotates every {days} days (more than {MAX_DAYS})")
    return passed("rotation enabled" + (f", every {days} days" if days is not None else ""))


def _live(**supplementary: Any) -> Any:
    return example_resource(SECRET, {SUPPLEMENTARY: supplementary})


def _template(props: dict[str, Any], rid: str = "Db") -> Any:
    r = example_resource(SECRET, props, rid)
    return replace(r, origin=replace(r.origin, kind=OriginKind.CLOUDFORMATION, address=rid))


_RULES = {"AutomaticallyAfterDays": 30}
EXAMPLES = (
    Example("rotating", _live(RotationEnabled=True, RotationRules=_RULES), FindingStatus.PASS),
    Example("static", _live(RotationEnabled=False), FindingStatus.FAIL),
    Example(
        "yearly",
        _live(RotationEnabled=True, RotationRules={"ScheduleExpression": "rate(365 days)"}),
        FindingStatus.FAIL,
    ),
    Example("unreadable", _live(RotationEnabled=Unresolved("denied")), FindingStatus.UNKNOWN),
    Example(
        "template-scheduled",
        _template({"Name": "db"}),
        FindingStatus.PASS,
        (example_resource(SCHEDULE, {"SecretId": "Db", "RotationRules": _RULES}, "Rotation"),),
    ),
    Example(
        "template-slow",
        _template({"Name": "db"}),
        FindingStatus.FAIL,
        (
            example_resource(
                SCHEDULE, {"SecretId": "db", "RotationRules": {"AutomaticallyAfterDays": 180}}, "R"
            ),
        ),
    ),
    Example("template-unscheduled", _template({"Name": "db"}), FindingStatus.FAIL),
)
