"""Macie is enabled in every region where S3 holds confidential or restricted data."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
    failed,
    passed,
)
from wasp.rules._common import SENSITIVE

SESSION = "AWS::Macie::Session"
BUCKET = "AWS::S3::Bucket"

META = RuleMeta(
    title="Macie is enabled where S3 holds classified data",
    severity=Severity.MEDIUM,
    best_practices=("SEC07-BP03",),
    resource_type=ACCOUNT_TYPE,
    related_types=(SESSION, BUCKET),
    description="Macie discovers personal and sensitive data in S3, checking that the classification tags are true.",
    remediation=Remediation(
        console="Macie > Get started > Enable Macie (delegated admin), then automated sensitive data discovery.",
        cli="aws macie2 enable-macie --region REGION",
        cloudformation="AWS::Macie::Session {Status: ENABLED}",
        terraform='resource "aws_macie2_account" "this" { status = "ENABLED" }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Regions with confidential/restricted buckets need an enabled session."""
    key = ctx.workload.classification_tag
    regions = sorted(
        {str(b.region) for b in ctx.inventory.of_type(BUCKET) if b.tags.get(key, "").lower() in SENSITIVE}
    )
    if not regions:
        return None
    enabled = {
        s.region for s in ctx.inventory.of_type(SESSION) if view.neighbour(s).get("Status") == "ENABLED"
    }
    missing = [r for r in regions if r not in enabled]
    view.note("regions_with_sensitive_buckets", regions)
    if missing:
        return failed("Macie is not enabled in " + ", ".join(missing) + ", where S3 holds classified data")
    return passed("Macie enabled where S3 holds classified data")


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_B = example_resource(BUCKET, {"Tags": [{"Key": "DataClassification", "Value": "confidential"}]}, "b")
EXAMPLES = (
    Example(
        "on",
        _ACCT,
        FindingStatus.PASS,
        (_B, example_resource(SESSION, {"Status": "ENABLED"}, "s")),
        workload=WorkloadScope(),
    ),
    Example("off", _ACCT, FindingStatus.FAIL, (_B,)),
)
