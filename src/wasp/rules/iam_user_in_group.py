"""IAM users get their permissions through groups."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import Example, Remediation, RuleMeta, example_resource
from wasp.rules._expect import examples, expect, present

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

evaluate = expect(
    "Groups",
    present,
    ok="member of a group",
    bad="IAM user {name} is in no group",
    default=[],
)

EXAMPLES = (
    *examples(
        "AWS::IAM::User",
        passing=[("in-group", {"UserName": "dev", "Groups": ["developers"]})],
        failing=[("no-group", {"UserName": "dev", "Groups": []}), ("absent", {"UserName": "dev"})],
    ),
    Example(
        "groups-unreadable",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": Unresolved("denied")}),
        FindingStatus.UNKNOWN,
    ),
)
