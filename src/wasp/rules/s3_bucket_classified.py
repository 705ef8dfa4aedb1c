"""Every S3 bucket carries a data classification tag."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
)
from wasp.rules._classified import classified_verdict

META = RuleMeta(
    title="S3 bucket carries a data classification tag",
    severity=Severity.MEDIUM,
    best_practices=("SEC07-BP01", "SEC07-BP02"),
    resource_type="AWS::S3::Bucket",
    description="Protection follows classification: without the tag (a recognised key such as DataClassification, "
    "data-classification or Sensitivity, with a value meaning public / internal / confidential / restricted, "
    "e.g. PII = restricted; the workload file can change both) no rule can tell whether a customer-managed key, "
    "Macie or stricter access is needed.",
    remediation=Remediation(
        console="Tag the S3 bucket with DataClassification = public | internal | confidential | restricted; enforce with a tag policy.",
        cli="aws s3api put-bucket-tagging --bucket BUCKET --tagging 'TagSet=[{Key=DataClassification,Value=confidential}]'",
        cloudformation="Tags: [{Key: DataClassification, Value: confidential}]",
        terraform='tags = { DataClassification = "confidential" }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _classified.classified_verdict."""
    return classified_verdict(view, ctx, "S3 bucket")


_OWN = WorkloadScope(classification_keys=("Tier",), classification_values=(("gold", "restricted"),))
EXAMPLES = (
    Example(
        "tagged",
        example_resource(
            "AWS::S3::Bucket", {"Tags": [{"Key": "DataClassification", "Value": "Confidential"}]}
        ),
        FindingStatus.PASS,
    ),
    Example("untagged", example_resource("AWS::S3::Bucket", {"Tags": []}), FindingStatus.FAIL),
    Example(
        "unknown-value",
        example_resource("AWS::S3::Bucket", {"Tags": [{"Key": "DataClassification", "Value": "secret-ish"}]}),
        FindingStatus.FAIL,
    ),
    Example(
        "organisation-spelling",
        example_resource("AWS::S3::Bucket", {"Tags": [{"Key": "data_classification", "Value": "PII"}]}),
        FindingStatus.PASS,
    ),
    Example(
        "workload-own-scheme",
        example_resource("AWS::S3::Bucket", {"Tags": [{"Key": "Tier", "Value": "gold"}]}),
        FindingStatus.PASS,
        workload=_OWN,
    ),
    Example(
        "default-key-not-in-own-scheme",
        example_resource("AWS::S3::Bucket", {"Tags": [{"Key": "DataClassification", "Value": "internal"}]}),
        FindingStatus.FAIL,
        workload=_OWN,
    ),
)
