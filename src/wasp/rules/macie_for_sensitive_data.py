"""Macie is enabled in every region where S3 holds confidential, restricted or unclassified data."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    contains_unresolved,
    example_resource,
)
from wasp.rules._common import SENSITIVE
from wasp.rules._regional import decide_regions, not_known, resource_judge

SESSION = "AWS::Macie::Session"
BUCKET = "AWS::S3::Bucket"

META = RuleMeta(
    title="Macie is enabled where S3 holds sensitive or unclassified data",
    severity=Severity.MEDIUM,
    best_practices=("SEC07-BP03",),
    resource_type=ACCOUNT_TYPE,
    related_types=(SESSION, BUCKET),
    decides_gaps=True,
    description="Macie discovers personal and sensitive data in S3, checking that the classification tags are true. "
    "It is required wherever a bucket is confidential or restricted, and wherever a bucket is unclassified: "
    "an untagged bucket is exactly where sensitive data goes unnoticed.",
    remediation=Remediation(
        console="Macie > Get started > Enable Macie (delegated admin), then automated sensitive data discovery.",
        cli="aws macie2 enable-macie --region REGION",
        cloudformation="AWS::Macie::Session {Status: ENABLED}",
        terraform='resource "aws_macie2_account" "this" { status = "ENABLED" }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Each region where this account's S3 holds confidential/restricted or unclassified data needs a session."""
    account = view.resource.account
    sensitive: set[str] = set()
    untold: set[str] = set()  # regions with buckets whose tags could not be read
    for bucket in ctx.inventory.of_type(BUCKET):
        if not bucket.region or (account and bucket.account and bucket.account != account):
            continue
        if contains_unresolved(bucket.properties.get("Tags")) is not None:
            untold.add(bucket.region)
        elif (level := ctx.workload.classify(bucket.tags).level) in SENSITIVE or level is None:
            sensitive.add(bucket.region)
    if not sensitive and not untold:
        return None
    view.note("regions_with_sensitive_or_unclassified_buckets", sorted(sensitive))
    view.note("regions_with_unreadable_bucket_tags", sorted(untold - sensitive))
    judge = resource_judge(view, ctx, SESSION, lambda s: s.get("Status") == "ENABLED", "Macie off")
    states = {r: judge(r) for r in sorted(sensitive)}
    for region in sorted(untold - sensitive):
        state = judge(region)
        states[region] = state if state.state == "on" else not_known("bucket tags could not be read")
    return decide_regions(view, "Macie (where S3 holds sensitive or unclassified data)", states)


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_B = example_resource(BUCKET, {"Tags": [{"Key": "data-classification", "Value": "PII"}]}, "b")
EXAMPLES = (
    Example(
        "on",
        _ACCT,
        FindingStatus.PASS,
        (_B, example_resource(SESSION, {"Status": "ENABLED"}, "s")),
        workload=WorkloadScope(),
    ),
    Example("off", _ACCT, FindingStatus.FAIL, (_B,)),
    Example("unclassified-off", _ACCT, FindingStatus.FAIL, (example_resource(BUCKET, {"Tags": []}, "u"),)),
    Example(
        "session-unreadable",
        _ACCT,
        FindingStatus.UNKNOWN,
        (_B, example_resource(SESSION, {"Status": Unresolved("denied")}, "s")),
    ),
)
