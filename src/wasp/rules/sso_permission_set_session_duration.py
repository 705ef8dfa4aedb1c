"""IAM Identity Center permission sets keep sessions within a working day (at most 12 hours)."""

import re
from typing import Any

from wasp.model import FindingStatus, OriginKind, Severity, Unresolved
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
    unknown,
)

PERMISSION_SET = "AWS::SSO::PermissionSet"
MAX_HOURS = 12
_ISO = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$")

META = RuleMeta(
    title="Identity Center sessions last at most a working day",
    severity=Severity.LOW,
    best_practices=("SEC02-BP02", "SEC03-BP02"),
    resource_type=PERMISSION_SET,
    description="A permission set's session duration is how long a stolen browser session or CLI credential "
    f"stays valid. Keep it within a working day: {MAX_HOURS} hours at most (8 hours is a common choice); "
    "Identity Center's own default is 1 hour.",
    remediation=Remediation(
        console="IAM Identity Center > Permission sets > SET > Edit: Session duration 8 hours or less.",
        cli="aws sso-admin update-permission-set --instance-arn INSTANCE --permission-set-arn SET "
        "--session-duration PT8H",
        cloudformation="AWS::SSO::PermissionSet {SessionDuration: PT8H}",
        terraform='resource "aws_ssoadmin_permission_set" "this" { session_duration = "PT8H" }',
    ),
)


def hours(duration: Any) -> float | None:
    """Hours in an ISO 8601 duration such as PT8H or PT1H30M; None when it is not one."""
    match = _ISO.match(str(duration or ""))
    if not match or not any(match.groups()):
        return None
    h, m, s = (int(g) if g else 0 for g in match.groups())
    return h + m / 60 + s / 3600


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail sessions longer than 12 hours (absent: Identity Center's default of 1 hour)."""
    duration = view.get("SessionDuration")
    if duration is None:
        if view.resource.origin.kind not in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM):
            return unknown("the session duration was not read")
        duration = "PT1H"  # a template that sets none gets Identity Center's default
    length = hours(duration)
    if length is None:
        return unknown(f"session duration {duration!r} is not an ISO 8601 duration")
    if length > MAX_HOURS:
        return failed(
            f"permission set {view.label('Name')} allows {duration} sessions (over {MAX_HOURS} hours)"
        )
    return passed(f"sessions last {duration}")


def _set(duration: Any) -> Any:
    return example_resource(PERMISSION_SET, {"Name": "Admin", "SessionDuration": duration})


EXAMPLES = (
    Example("working-day", _set("PT8H"), FindingStatus.PASS),
    Example("too-long", _set("PT24H"), FindingStatus.FAIL),
    Example("unreadable", _set(Unresolved("denied")), FindingStatus.UNKNOWN),
)
