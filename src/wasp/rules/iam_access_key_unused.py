"""Active access keys unused for more than 90 days are removed."""

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
    unknown,
)

MAX_IDLE_DAYS = 90

META = RuleMeta(
    title=f"No active access key unused for more than {MAX_IDLE_DAYS} days",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP05", "SEC03-BP06"),
    resource_type="AWS::IAM::AccessKey",
    description="A key nobody uses is pure risk: it can only be used by someone who should not have it.",
    remediation=Remediation(
        console="IAM > Users > USER > Security credentials > Access keys > Deactivate, then delete.",
        cli="aws iam update-access-key --user-name USER --access-key-id KEY --status Inactive",
        cloudformation="Set Status: Inactive on the AWS::IAM::AccessKey, then remove it.",
        terraform='Set status = "Inactive" on the aws_iam_access_key, then remove it.',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Idle time counts from last use, or from creation for a key never used."""
    if view.get("Status") != "Active":
        return None
    last_used = view.get(f"{SUPPLEMENTARY}.LastUsedDate")
    idle = ctx.days_since(last_used or view.get(f"{SUPPLEMENTARY}.CreateDate"))
    view.note("idle_days", idle)
    if idle is None:
        return unknown("neither last-use nor creation date is known")
    if idle > MAX_IDLE_DAYS:
        when = "never used" if not last_used else f"last used {idle} days ago"
        return failed(
            f"access key of {view.label('UserName')} is active but {when} (limit {MAX_IDLE_DAYS} days)"
        )
    return passed(f"access key used within {MAX_IDLE_DAYS} days")


def _key(created: str, used: str | None) -> dict[str, object]:
    return {
        "UserName": "deploy",
        "Status": "Active",
        SUPPLEMENTARY: {"CreateDate": created, "LastUsedDate": used},
    }


EXAMPLES = (
    Example(
        "used", example_resource("AWS::IAM::AccessKey", _key("2024-01-01", "2025-12-20")), FindingStatus.PASS
    ),
    Example(
        "idle", example_resource("AWS::IAM::AccessKey", _key("2024-01-01", "2025-03-01")), FindingStatus.FAIL
    ),
    Example("never", example_resource("AWS::IAM::AccessKey", _key("2025-01-01", None)), FindingStatus.FAIL),
)
