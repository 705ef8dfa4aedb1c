"""Launch template user data holds no secrets."""

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
    title="Launch template user data holds no secrets",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP03",),
    resource_type="AWS::EC2::LaunchTemplate",
    description="Every instance launched from the template, and anyone who can read the template, sees its user data. Names are reported, values never.",
    remediation=Remediation(
        console="EC2 > Launch templates > TEMPLATE > Modify (new version) without the secret; set it as default; delete old versions.",
        cli="aws ec2 create-launch-template-version ... && aws ec2 modify-launch-template --default-version N",
        cloudformation="LaunchTemplateData.UserData without secrets; fetch them at boot from Secrets Manager",
        terraform="user_data in aws_launch_template without secrets",
    ),
    checkov=("CKV_AWS_46",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on any detector hit recorded at Supplementary.UserDataSecrets."""
    return secrets_verdict(view, f"{SUPPLEMENTARY}.UserDataSecrets", "launch template user data")


EXAMPLES = (
    Example(
        "clean",
        example_resource("AWS::EC2::LaunchTemplate", {SUPPLEMENTARY: {"UserDataSecrets": []}}),
        FindingStatus.PASS,
    ),
    Example(
        "leaky",
        example_resource(
            "AWS::EC2::LaunchTemplate",
            {
                SUPPLEMENTARY: {
                    "UserDataSecrets": [{"Where": "DB_PASSWORD", "Detector": "secret-named-variable"}]
                }
            },
        ),
        FindingStatus.FAIL,
    ),
)
