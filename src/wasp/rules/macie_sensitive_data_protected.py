"""Buckets where Macie found sensitive data are classified confidential/restricted and on a customer-managed key."""

from typing import Any

from wasp.model import FindingStatus, Resource, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
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
    unknown,
)
from wasp.rules._common import SENSITIVE, bucket_key, classification, is_customer_managed_key
from wasp.rules._shape import entries, expect_type, is_text

SESSION = "AWS::Macie::Session"
BUCKET = "AWS::S3::Bucket"
SHOWN = 5

META = RuleMeta(
    title="Buckets where Macie found sensitive data are classified and on a customer-managed key",
    severity=Severity.HIGH,
    best_practices=("SEC07-BP01", "SEC08-BP01"),
    resource_type=BUCKET,
    related_types=(SESSION, "AWS::KMS::Key"),
    description="Macie's sensitive-data findings say what a bucket really holds. A bucket with personal data, "
    "credentials or financial data found in it must be classified confidential or restricted, so that the "
    "controls for that level apply, and be encrypted with a customer-managed key. Archived findings are not "
    "counted; buckets with no finding are not judged here.",
    remediation=Remediation(
        console="Macie > Findings (by bucket): tag the bucket with its classification, set default encryption "
        "to SSE-KMS with a customer-managed key, or remove the data.",
        cli="aws s3api put-bucket-tagging ... && aws s3api put-bucket-encryption --bucket B "
        "--server-side-encryption-configuration file://sse-kms.json",
        cloudformation="Tags: [{Key: data-classification, Value: restricted}] and BucketEncryption with "
        "KMSMasterKeyID",
        terraform='tags = { data-classification = "restricted" } and aws_s3_bucket_server_side_encryption_'
        "configuration with kms_master_key_id",
    ),
    iac=False,
    source="macie",
)


def _key(view: ResourceView) -> Any:
    where = "BucketEncryption.ServerSideEncryptionConfiguration"
    for i, rule in enumerate(entries(view, where)):
        default = (
            expect_type(
                f"{where}.{i}.ServerSideEncryptionByDefault",
                rule.get("ServerSideEncryptionByDefault"),
                lambda v: isinstance(v, dict),
                "a mapping",
            )
            or {}
        )
        expect_type(
            f"{where}.{i}.ServerSideEncryptionByDefault.SSEAlgorithm",
            default.get("SSEAlgorithm"),
            is_text,
            "a string (aws:kms)",
        )
        return expect_type(
            f"{where}.{i}.ServerSideEncryptionByDefault.KMSMasterKeyID",
            default.get("KMSMasterKeyID"),
            is_text,
            "a KMS key id or ARN",
        )
    return None


def _found(view: ResourceView, ctx: RuleContext) -> dict[str, Any] | None:
    """Macie's summary for this bucket from the session in its account and region (None: Macie off there)."""
    bucket = view.resource
    for session in ctx.inventory.of_type(SESSION):
        if session.account != bucket.account or session.region != bucket.region:
            continue
        n = view.neighbour(session)
        if n.get("Status") != "ENABLED":
            return None
        by_bucket = n.get(f"{SUPPLEMENTARY}.SensitiveDataByBucket", {})
        found = by_bucket.get(bucket_key(view)) if isinstance(by_bucket, dict) else None
        if found is None and n.get(f"{SUPPLEMENTARY}.FindingsCapped", False):
            raise _Capped
        return found if isinstance(found, dict) else None
    return None


class _Capped(Exception):
    """Findings were read up to the cap, and this bucket was not among them."""


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Judged only where Macie found sensitive data in the bucket."""
    try:
        found = _found(view, ctx)
    except _Capped:
        return unknown("Macie findings were read up to the cap: this bucket's may be among those left")
    if not found:
        return None
    ids = [str(i) for i in found.get("FindingIds", [])]
    types = ", ".join(found.get("Types", [])) or "sensitive data"
    view.note("finding_ids", ids)
    shown = ", ".join(ids[:SHOWN]) + (f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else "")
    level = classification(view, ctx)
    problems = []
    if level not in SENSITIVE:
        problems.append(f"classified {level or 'nowhere'}, not confidential or restricted")
    key = _key(view)
    view.note("key", key)
    if not is_customer_managed_key(key, ctx, view):
        problems.append("not encrypted with a customer-managed key")
    if problems:
        return failed(f"Macie found {types} in bucket {view.id} ({shown}), which is {' and '.join(problems)}")
    return passed(f"Macie found {types}; the bucket is {level} and on a customer-managed key")


def _session(summary: Any, capped: bool = False) -> Resource:
    return example_resource(
        SESSION,
        {"Status": "ENABLED", SUPPLEMENTARY: {"SensitiveDataByBucket": summary, "FindingsCapped": capped}},
        "111122223333/eu-west-2",
    )


_PII = {"FindingIds": ["m-1"], "Types": ["SensitiveData:S3Object/Personal"], "Severity": "High"}
_CMK = {
    "ServerSideEncryptionConfiguration": [
        {
            "ServerSideEncryptionByDefault": {
                "SSEAlgorithm": "aws:kms",
                "KMSMasterKeyID": "arn:aws:kms:eu-west-2:1:key/k",
            }
        }
    ]
}
_TAGGED = [{"Key": "data-classification", "Value": "restricted"}]
_GOOD = example_resource(BUCKET, {"BucketName": "hr", "Tags": _TAGGED, "BucketEncryption": _CMK}, "hr")
_BARE = example_resource(BUCKET, {"BucketName": "hr", "Tags": []}, "hr")
EXAMPLES = (
    Example("classified-cmk", _GOOD, FindingStatus.PASS, (_session({"hr": _PII}),)),
    Example("unclassified", _BARE, FindingStatus.FAIL, (_session({"hr": _PII}),)),
    Example("findings-unreadable", _BARE, FindingStatus.UNKNOWN, (_session(Unresolved("denied")),)),
    Example("capped", _BARE, FindingStatus.UNKNOWN, (_session({}, capped=True),)),
)
