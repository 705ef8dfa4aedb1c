"""The CloudTrail log bucket (the account's or the organisation's log archive) is write-once and private."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    lookup,
    passed,
    unknown,
)
from wasp.rules._common import is_true

BUCKET = "AWS::S3::Bucket"
TRAIL = "AWS::CloudTrail::Trail"
FLAGS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
RETENTION = "ObjectLockConfiguration.Rule.DefaultRetention"

META = RuleMeta(
    title="CloudTrail log bucket is immutable (Object Lock with a default retention) and private",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01", "SEC04-BP02"),
    resource_type=TRAIL,
    related_types=(BUCKET,),
    description="Audit logs an intruder can delete or read prove nothing. The trail's destination bucket (the "
    "account's own, or an organisation trail's log-archive bucket) needs S3 Object Lock with a default retention "
    "(CloudTrail writes log files without a retention of their own, so Object Lock without a default retention "
    "locks nothing) and Block Public Access. A bucket in another account, such as a log archive, is judged when "
    "the review covers that account too, and is unknown (naming the bucket) when it does not.",
    remediation=Remediation(
        console="Send the trail to a log-archive bucket created with Object Lock and a default retention "
        "(compliance mode, retention per policy) and Block Public Access on.",
        cli="aws s3api create-bucket --bucket LOGS --object-lock-enabled-for-bucket ... && aws s3api "
        "put-object-lock-configuration --bucket LOGS --object-lock-configuration "
        "'ObjectLockEnabled=Enabled,Rule={DefaultRetention={Mode=COMPLIANCE,Days=365}}'",
        cloudformation="AWS::S3::Bucket {ObjectLockEnabled: true, ObjectLockConfiguration: {ObjectLockEnabled: "
        "Enabled, Rule: {DefaultRetention: {Mode: COMPLIANCE, Days: 365}}}, PublicAccessBlockConfiguration: {...}}",
        terraform="aws_s3_bucket { object_lock_enabled = true } + aws_s3_bucket_object_lock_configuration { rule "
        '{ default_retention { mode = "COMPLIANCE" days = 365 } } } + aws_s3_bucket_public_access_block',
    ),
)


def _lock_problems(bucket: ResourceView) -> tuple[list[str], list[str]]:
    """What is wrong with the bucket's Object Lock and public access block, and what could not be read."""
    problems: list[str] = []
    unread: list[str] = []
    enabled = bucket.peek("ObjectLockEnabled")
    retention = bucket.peek(RETENTION)
    block = bucket.peek("PublicAccessBlockConfiguration")
    if isinstance(enabled, Unresolved):
        unread.append(f"Object Lock ({enabled.reason})")
    elif enabled not in (True, "Enabled", "true"):
        problems.append("no Object Lock")
    elif contains_unresolved(retention) is not None:
        unread.append("Object Lock's default retention")
    elif not isinstance(retention, Mapping) or not (retention.get("Days") or retention.get("Years")):
        problems.append("Object Lock without a default retention (CloudTrail's log files are not locked)")
    if contains_unresolved(block) is not None:
        unread.append("its public access block")
    elif not isinstance(block, Mapping) or not all(is_true(block.get(f)) for f in FLAGS):
        problems.append("public access not fully blocked")
    return problems, unread


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on a known weakness of the log bucket; unknown when the bucket (or a setting) could not be read."""
    name = view.get("S3BucketName")
    view.note("log_bucket", name)
    buckets = ctx.inventory.find(BUCKET, BucketName=name)
    if not buckets:
        return unknown(
            f"log bucket {name} of trail {view.id} is not in this review (another account, such as a log "
            "archive, or a region not reviewed): its Object Lock and public access could not be checked; "
            "review that account too"
        )
    bucket = view.neighbour(buckets[0])
    problems, unread = _lock_problems(bucket)
    mode = lookup(buckets[0].properties, f"{RETENTION}.Mode")
    if mode is not None:
        view.note("retention_mode", mode)
    if problems:
        return failed(f"log bucket {name} of trail {view.id}: {', '.join(problems)}")
    if unread:
        return unknown(f"log bucket {name} of trail {view.id}: could not read {', '.join(unread)}")
    governance = " (governance mode: a principal allowed s3:BypassGovernanceRetention can still delete)"
    return passed(f"log bucket {name} is locked and private{governance if mode == 'GOVERNANCE' else ''}")


_RULE = {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": 365}}
_GOOD: dict[str, Any] = {
    "BucketName": "logs",
    "ObjectLockEnabled": True,
    "ObjectLockConfiguration": {"ObjectLockEnabled": "Enabled", "Rule": _RULE},
    "PublicAccessBlockConfiguration": dict.fromkeys(FLAGS, True),
}
_TRAIL = example_resource(TRAIL, {"S3BucketName": "logs"})


def _bucket(**changes: Any) -> Any:
    return example_resource(BUCKET, {**_GOOD, **changes}, "logs")


EXAMPLES = (
    Example("locked", _TRAIL, FindingStatus.PASS, (_bucket(),)),
    Example(
        "governance-mode",
        _TRAIL,
        FindingStatus.PASS,
        (
            _bucket(
                ObjectLockConfiguration={"Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Years": 1}}}
            ),
        ),
    ),
    Example("mutable", _TRAIL, FindingStatus.FAIL, (_bucket(ObjectLockEnabled=False),)),
    Example("lock-not-configured", _TRAIL, FindingStatus.FAIL, (_bucket(ObjectLockEnabled=None),)),
    Example("no-default-retention", _TRAIL, FindingStatus.FAIL, (_bucket(ObjectLockConfiguration=None),)),
    Example(
        "public",
        _TRAIL,
        FindingStatus.FAIL,
        (_bucket(PublicAccessBlockConfiguration={**dict.fromkeys(FLAGS, True), "BlockPublicPolicy": False}),),
    ),
    Example(
        "lock-unreadable",
        _TRAIL,
        FindingStatus.UNKNOWN,
        (_bucket(ObjectLockEnabled=Unresolved("s3:get_object_lock_configuration access_denied")),),
    ),
    Example(
        "unlocked-whatever-else-is-unknown",
        _TRAIL,
        FindingStatus.FAIL,
        (_bucket(ObjectLockEnabled=False, PublicAccessBlockConfiguration=Unresolved("denied")),),
    ),
    Example("log-archive-not-reviewed", _TRAIL, FindingStatus.UNKNOWN),
)
