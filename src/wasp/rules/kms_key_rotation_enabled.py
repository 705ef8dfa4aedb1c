"""Customer-managed symmetric KMS keys rotate automatically."""

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

META = RuleMeta(
    title="KMS key rotation is enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::KMS::Key",
    description="Automatic rotation limits how much data any one key version protects; asymmetric and "
    "HMAC keys cannot rotate and are skipped, as are AWS-managed keys (AWS rotates them).",
    remediation=Remediation(
        console="KMS > Customer managed keys > KEY > Key rotation > Automatically rotate this key.",
        cli="aws kms enable-key-rotation --key-id KEY",
        cloudformation="EnableKeyRotation: true",
        terraform="enable_key_rotation = true",
    ),
    checkov=("CKV_AWS_7",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only enabled, customer-managed, symmetric encryption keys are in scope."""
    if view.get(f"{SUPPLEMENTARY}.KeyManager", "CUSTOMER") != "CUSTOMER":
        return None
    if view.get("KeySpec", "SYMMETRIC_DEFAULT") != "SYMMETRIC_DEFAULT":
        return None
    if (
        view.get("Enabled", True) in (False, "false")
        or view.get(f"{SUPPLEMENTARY}.KeyState") == "PendingDeletion"
    ):
        return None
    if view.get("EnableKeyRotation") in (True, "true"):
        return passed("automatic rotation on")
    return failed(f"KMS key {view.id} does not rotate automatically")


EXAMPLES = (
    Example("rotates", example_resource("AWS::KMS::Key", {"EnableKeyRotation": True}), FindingStatus.PASS),
    Example("static", example_resource("AWS::KMS::Key", {"EnableKeyRotation": False}), FindingStatus.FAIL),
)
