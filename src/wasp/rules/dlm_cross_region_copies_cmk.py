"""Data Lifecycle Manager encrypts cross-region copies with a customer-managed KMS key."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    UnresolvedRead,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
)
from wasp.rules._common import is_customer_managed_key
from wasp.rules._data_checks import KMS_WHY, customer_key, declared_key
from wasp.rules._data_dlm import cross_region_copies

POLICY = "AWS::DLM::LifecyclePolicy"

META = RuleMeta(
    title="DLM cross-region snapshot copies are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type=POLICY,
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="EC2 > Lifecycle Manager > POLICY > Modify > Cross-Region copy: Encryption with a customer-managed key.",
        cli="aws dlm update-lifecycle-policy --policy-id ID --policy-details file://details.json  (CrossRegionCopyRules[].CmkArn=KEY_ARN)",
        cloudformation="CrossRegionCopyRules: [{TargetRegion: eu-west-1, Encrypted: true, CmkArn: KEY_ARN}]",
        terraform="cross_region_copy_rule { encrypted = true  cmk_arn = aws_kms_key.dr.arn }",
    ),
    checkov=("CKV_AWS_254", "CKV_AWS_256"),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every cross-region copy names a customer-managed key; a policy without copies is not in scope."""
    copies = cross_region_copies(view)
    if not copies:
        return None
    pending: Unresolved | None = None
    without: list[str] = []
    for where, settings in copies:
        key = settings.get("CmkArn") if isinstance(settings, dict) else None
        if declared_key(key, ctx):
            continue
        later = contains_unresolved(key)
        if later is not None:
            pending = pending or later
        elif not (customer_key(key) and is_customer_managed_key(key, ctx, view)):
            without.append(where)
    if without:
        return failed(
            f"lifecycle policy {view.id} copies without a customer-managed key: {', '.join(without)}"
        )
    if pending is not None:
        raise UnresolvedRead("PolicyDetails", pending)
    return passed("every cross-region copy encrypted with a customer-managed key")


def _policy(copy: dict[str, object]) -> dict[str, object]:
    return {"PolicyDetails": {"Schedules": [{"Name": "daily", "CrossRegionCopyRules": [copy]}]}}


_KEY = "arn:aws:kms:eu-west-1:111122223333:key/dr"
EXAMPLES = (
    Example(
        "cmk", example_resource(POLICY, _policy({"Encrypted": True, "CmkArn": _KEY})), FindingStatus.PASS
    ),
    Example("default-key", example_resource(POLICY, _policy({"Encrypted": True})), FindingStatus.FAIL),
    Example(
        "known-after-deploy",
        example_resource(POLICY, _policy({"Encrypted": True, "CmkArn": Unresolved("var.key")})),
        FindingStatus.UNKNOWN,
    ),
)
