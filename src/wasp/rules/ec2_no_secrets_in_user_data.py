"""EC2 user data holds no secrets."""

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
    title="EC2 user data holds no secrets",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP03",),
    resource_type="AWS::EC2::Instance",
    description="User data is readable by anyone with ec2:DescribeInstanceAttribute and from inside the instance via the metadata service. Names are reported, values never.",
    remediation=Remediation(
        console="Replace the instance (user data is fixed at launch) with one that fetches secrets from Secrets Manager at boot using its instance role.",
        cli="aws ec2 describe-instance-attribute --instance-id ID --attribute userData   # review, then relaunch without secrets",
        cloudformation="UserData: fetch with 'aws secretsmanager get-secret-value' at boot; never inline the value",
        terraform="user_data that calls aws secretsmanager get-secret-value at boot",
    ),
    checkov=("CKV_AWS_46",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on any detector hit recorded at Supplementary.UserDataSecrets."""
    return secrets_verdict(view, f"{SUPPLEMENTARY}.UserDataSecrets", "user data")


EXAMPLES = (
    Example(
        "clean",
        example_resource("AWS::EC2::Instance", {SUPPLEMENTARY: {"UserDataSecrets": []}}),
        FindingStatus.PASS,
    ),
    Example(
        "leaky",
        example_resource(
            "AWS::EC2::Instance",
            {
                SUPPLEMENTARY: {
                    "UserDataSecrets": [{"Where": "DB_PASSWORD", "Detector": "secret-named-variable"}]
                }
            },
        ),
        FindingStatus.FAIL,
    ),
)
