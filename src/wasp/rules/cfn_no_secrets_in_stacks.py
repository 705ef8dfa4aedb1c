"""CloudFormation stacks expose no secrets in outputs or parameter values."""

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
    title="CloudFormation stacks expose no secrets in outputs or parameter values",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP03",),
    resource_type="AWS::CloudFormation::Stack",
    description="Stack outputs and non-NoEcho parameters are readable by anyone with cloudformation:DescribeStacks. Names are reported, values never.",
    remediation=Remediation(
        console="Update the stack: mark secret parameters NoEcho (better, use dynamic references {{resolve:secretsmanager:...}}) and remove secret outputs.",
        cli="aws cloudformation update-stack --stack-name STACK --template-body file://fixed.yaml",
        cloudformation="Parameters: {DbPassword: {Type: String, NoEcho: true}} or '{{resolve:secretsmanager:db:SecretString:password}}'",
        terraform="Not applicable (Terraform state holds outputs; mark them sensitive = true)",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on any detector hit recorded at Supplementary.Secrets."""
    return secrets_verdict(view, f"{SUPPLEMENTARY}.Secrets", "stack outputs and parameters")


EXAMPLES = (
    Example(
        "clean",
        example_resource("AWS::CloudFormation::Stack", {SUPPLEMENTARY: {"Secrets": []}}),
        FindingStatus.PASS,
    ),
    Example(
        "leaky",
        example_resource(
            "AWS::CloudFormation::Stack",
            {SUPPLEMENTARY: {"Secrets": [{"Where": "DB_PASSWORD", "Detector": "secret-named-variable"}]}},
        ),
        FindingStatus.FAIL,
    ),
)
