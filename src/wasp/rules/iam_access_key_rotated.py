"""Active access keys are rotated within 90 days."""

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

MAX_AGE_DAYS = 90

META = RuleMeta(
    title=f"Active access keys are younger than {MAX_AGE_DAYS} days",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP05",),
    resource_type="AWS::IAM::AccessKey",
    description="Long-lived keys leak through laptops, logs and repositories; rotation bounds the damage.",
    remediation=Remediation(
        console="IAM > Users > USER > Security credentials > Create access key, switch the workload, then "
        "deactivate and delete the old key. Better: replace the key with a role.",
        cli="aws iam create-access-key --user-name USER && aws iam update-access-key --user-name USER "
        "--access-key-id OLD --status Inactive",
        cloudformation="Bump the Serial property of the AWS::IAM::AccessKey to rotate it.",
        terraform="Replace the aws_iam_access_key (terraform apply -replace=aws_iam_access_key.NAME).",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Inactive keys are out of scope; active ones must be younger than the limit."""
    if view.get("Status") != "Active":
        return None
    age = ctx.days_since(view.get(f"{SUPPLEMENTARY}.CreateDate"))
    view.note("age_days", age)
    if age is None:
        return unknown("the key's creation date is not known")
    if age > MAX_AGE_DAYS:
        return failed(f"access key of {view.label('UserName')} is {age} days old (limit {MAX_AGE_DAYS})")
    return passed(f"access key is {age} days old")


def _key(created: str, status: str = "Active") -> dict[str, object]:
    return {"UserName": "deploy", "Status": status, SUPPLEMENTARY: {"CreateDate": created}}


EXAMPLES = (
    Example(
        "fresh", example_resource("AWS::IAM::AccessKey", _key("2025-12-01T00:00:00Z")), FindingStatus.PASS
    ),
    Example("old", example_resource("AWS::IAM::AccessKey", _key("2025-01-01T00:00:00Z")), FindingStatus.FAIL),
)
