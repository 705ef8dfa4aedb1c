"""KMS key policies separate key administration from key use."""

from typing import Any

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
    failed,
    passed,
)
from wasp.rules._policy import covers, statements

ADMIN = ("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DisableKey")
USE = ("kms:Decrypt", "kms:GenerateDataKey")

META = RuleMeta(
    title="KMS key policies separate administration from use",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::KMS::Key",
    description="No principal other than the account root (which delegates to IAM) should both administer a key and "
    "use it to decrypt: separation of duties means one stolen role cannot both read the data and cover its tracks.",
    remediation=Remediation(
        console="KMS > KEY > Key policy > Edit: key administrators get kms:Create*/Put*/Disable*/ScheduleKeyDeletion only; "
        "key users get kms:Decrypt/Encrypt/GenerateDataKey* only.",
        cli="aws kms put-key-policy --key-id KEY --policy-name default --policy file://separated.json",
        cloudformation="KeyPolicy with separate admin and usage statements (no kms:* to application roles)",
        terraform="policy in aws_kms_key with separate admin and usage statements",
    ),
)


def _principals(st: dict[str, Any]) -> list[str]:
    raw = st.get("Principal")
    if raw == "*" or raw is None:
        return ["*"]
    aws = raw.get("AWS", []) if isinstance(raw, dict) else []
    return [str(p) for p in (aws if isinstance(aws, list) else [aws])]


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Customer-managed keys only; root's kms:* statement is the normal IAM delegation and is allowed."""
    if view.get(f"{SUPPLEMENTARY}.KeyManager", "CUSTOMER") != "CUSTOMER":
        return None
    policy = view.get("KeyPolicy")
    if not policy:
        return None
    both: set[str] = set()
    for st in statements(policy):
        if st.get("Effect") != "Allow":
            continue
        admin = any(covers(st, a) for a in ADMIN)
        use = any(covers(st, a) for a in USE)
        if admin and use:
            both.update(p for p in _principals(st) if not p.endswith(":root"))
    view.note("admin_and_use", sorted(both))
    if both:
        return failed(f"key {view.id}: {', '.join(sorted(both))} can both administer and use the key")
    return passed("administration and use are separated")


_ROOT = {
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
    "Action": "kms:*",
    "Resource": "*",
}
_APP_ALL = {
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"},
    "Action": "kms:*",
    "Resource": "*",
}
_APP_USE = {
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"},
    "Action": ["kms:Decrypt"],
    "Resource": "*",
}
EXAMPLES = (
    Example(
        "separated",
        example_resource("AWS::KMS::Key", {"KeyPolicy": {"Statement": [_ROOT, _APP_USE]}}),
        FindingStatus.PASS,
    ),
    Example(
        "app-admin",
        example_resource("AWS::KMS::Key", {"KeyPolicy": {"Statement": [_ROOT, _APP_ALL]}}),
        FindingStatus.FAIL,
    ),
)
