"""IAM users get their permissions through groups."""

from wasp.model import FindingStatus, Severity, Unresolved
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
from wasp.rules._expect import examples
from wasp.rules._iam_refs import names_declared_resource
from wasp.rules._shape import expect_type

META = RuleMeta(
    title="IAM users are members of at least one group",
    severity=Severity.LOW,
    best_practices=("SEC02-BP06", "SEC03-BP02"),
    resource_type="AWS::IAM::User",
    description="Permissions managed on groups are reviewed, granted and removed by role rather than person by "
    "person; a user in no group gets whatever was attached to it directly, which drifts.",
    remediation=Remediation(
        console="IAM > Users > USER > Groups > Add user to groups.",
        cli="aws iam add-user-to-group --user-name USER --group-name GROUP",
        cloudformation="Groups: [!Ref Developers]  (or AWS::IAM::UserToGroupAddition)",
        terraform="aws_iam_user_group_membership { user = aws_iam_user.this.name  groups = [aws_iam_group.dev.name] }",
    ),
    checkov=("CKV2_AWS_21",),
)


def _group_name(value: object) -> bool:
    return isinstance(value, str) and value != ""


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass when Groups names a group (a name, or a group the same source declares); WrongType for a Groups
    that is not a list of names; unknown when every entry is known only at deploy time."""
    groups = expect_type(
        "Groups", view.peek("Groups"), lambda v: isinstance(v, list), "a list of group names"
    )
    if isinstance(groups, Unresolved):
        view.get("Groups")  # raises: the membership is unknown
    member = False
    for i, entry in enumerate(groups or []):
        expect_type(f"Groups.{i}", entry, _group_name, "a group name")
        if isinstance(entry, Unresolved) and names_declared_resource(entry):
            view.note(f"Groups.{i} (declared resource)", entry.reason)
        member = member or _group_name(entry) or names_declared_resource(entry)
    if member:
        return passed("member of a group")
    if groups:
        view.get("Groups")  # raises: the only groups named are known only at deploy time
    return failed(f"IAM user {view.resource.origin.address or view.id} is in no group")


EXAMPLES = (
    *examples(
        "AWS::IAM::User",
        passing=[("in-group", {"UserName": "dev", "Groups": ["developers"]})],
        failing=[("no-group", {"UserName": "dev", "Groups": []}), ("absent", {"UserName": "dev"})],
    ),
    Example(
        "group-declared-in-terraform",
        example_resource(
            "AWS::IAM::User",
            {"UserName": "dev", "Groups": [Unresolved("aws_iam_group.dev.name is known only after apply")]},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "group-from-a-variable",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": [Unresolved("variable group")]}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "groups-not-a-list",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": "developers"}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "groups-unreadable",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": Unresolved("denied")}),
        FindingStatus.UNKNOWN,
    ),
)
