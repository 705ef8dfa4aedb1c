"""Every DynamoDB table carries a data classification tag."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._classified import classified_verdict

META = RuleMeta(
    title="DynamoDB table carries a data classification tag",
    severity=Severity.MEDIUM,
    best_practices=("SEC07-BP01", "SEC07-BP02"),
    resource_type="AWS::DynamoDB::Table",
    description="Protection follows classification: without the tag (key set by the workload's classification_tag, "
    "values public / internal / confidential / restricted) no rule can tell whether a customer-managed key, "
    "Macie or stricter access is needed.",
    remediation=Remediation(
        console="Tag the DynamoDB table with DataClassification = public | internal | confidential | restricted; enforce with a tag policy.",
        cli="aws dynamodb tag-resource --resource-arn ARN --tags Key=DataClassification,Value=confidential",
        cloudformation="Tags: [{Key: DataClassification, Value: confidential}]",
        terraform='tags = { DataClassification = "confidential" }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _classified.classified_verdict."""
    return classified_verdict(view, ctx, "DynamoDB table")


EXAMPLES = (
    Example(
        "tagged",
        example_resource(
            "AWS::DynamoDB::Table", {"Tags": [{"Key": "DataClassification", "Value": "Confidential"}]}
        ),
        FindingStatus.PASS,
    ),
    Example("untagged", example_resource("AWS::DynamoDB::Table", {"Tags": []}), FindingStatus.FAIL),
    Example(
        "unknown-value",
        example_resource(
            "AWS::DynamoDB::Table", {"Tags": [{"Key": "DataClassification", "Value": "secret-ish"}]}
        ),
        FindingStatus.FAIL,
    ),
)
