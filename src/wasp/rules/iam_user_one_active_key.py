"""No IAM user has more than one active access key."""

from wasp.model import FindingStatus, Resource, Severity
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

KEY = "AWS::IAM::AccessKey"

META = RuleMeta(
    title="IAM users have at most one active access key",
    severity=Severity.LOW,
    best_practices=("SEC02-BP05",),
    resource_type="AWS::IAM::User",
    related_types=(KEY,),
    description="Two active keys is the sign of a rotation left half done: the old key still works.",
    remediation=Remediation(
        console="IAM > Users > USER > Security credentials: deactivate the older key once the new one is in use.",
        cli="aws iam update-access-key --user-name USER --access-key-id OLD --status Inactive",
        cloudformation="Keep one AWS::IAM::AccessKey per user (rotate by changing Serial).",
        terraform="Keep one aws_iam_access_key per user.",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Count the user's active keys."""
    name = view.label("UserName")
    active = [k.id for k in ctx.inventory.find(KEY, UserName=name) if k.properties.get("Status") == "Active"]
    view.note("active_keys", active)
    if len(active) > 1:
        return failed(f"IAM user {name} has {len(active)} active access keys")
    return passed(f"IAM user {name} has {len(active)} active access key(s)")


def _key(n: int) -> Resource:
    return example_resource(KEY, {"UserName": "ci", "Status": "Active"}, f"ci/key{n}")


EXAMPLES = (
    Example(
        "one", example_resource("AWS::IAM::User", {"UserName": "ci"}, "ci"), FindingStatus.PASS, (_key(1),)
    ),
    Example(
        "two",
        example_resource("AWS::IAM::User", {"UserName": "ci"}, "ci"),
        FindingStatus.FAIL,
        (_key(1), _key(2)),
    ),
)
