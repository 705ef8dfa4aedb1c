"""Data Lifecycle Manager encrypts the snapshot copies it makes in other regions."""

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
from wasp.rules._data_dlm import cross_region_copies
from wasp.rules._expect import is_true

POLICY = "AWS::DLM::LifecyclePolicy"

META = RuleMeta(
    title="DLM cross-region snapshot copies are encrypted",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type=POLICY,
    description="A lifecycle policy that copies snapshots (or AMIs) to another region for recovery should encrypt the "
    "copies; an unencrypted copy of an unencrypted snapshot stays readable by anyone it is shared with.",
    remediation=Remediation(
        console="EC2 > Lifecycle Manager > POLICY > Modify > Cross-Region copy: Encryption on (with a key in the target region).",
        cli="aws dlm update-lifecycle-policy --policy-id ID --policy-details file://details.json  (CrossRegionCopyRules[].Encrypted=true)",
        cloudformation="CrossRegionCopyRules: [{TargetRegion: eu-west-1, Encrypted: true, CmkArn: KEY_ARN}]  (event actions: EncryptionConfiguration: {Encrypted: true})",
        terraform='cross_region_copy_rule { target = "eu-west-1"  encrypted = true  cmk_arn = aws_kms_key.dr.arn }',
    ),
    checkov=("CKV_AWS_253", "CKV_AWS_255"),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every cross-region copy is encrypted; a policy without copies is not in scope."""
    copies = cross_region_copies(view)
    if not copies:
        return None
    pending: Unresolved | None = None
    plain: list[str] = []
    for where, settings in copies:
        flag = settings.get("Encrypted") if isinstance(settings, dict) else None
        later = contains_unresolved(flag)
        if later is not None:
            pending = pending or later
        elif not is_true(flag):
            plain.append(where)
    if plain:
        return failed(f"lifecycle policy {view.id} makes unencrypted copies: {', '.join(plain)}")
    if pending is not None:
        raise UnresolvedRead("PolicyDetails", pending)
    return passed("every cross-region copy encrypted")


def _policy(copy: dict[str, object]) -> dict[str, object]:
    return {"PolicyDetails": {"Schedules": [{"Name": "daily", "CrossRegionCopyRules": [copy]}]}}


EXAMPLES = (
    Example(
        "encrypted",
        example_resource(POLICY, _policy({"TargetRegion": "eu-west-1", "Encrypted": True})),
        FindingStatus.PASS,
    ),
    Example(
        "plain",
        example_resource(POLICY, _policy({"TargetRegion": "eu-west-1", "Encrypted": False})),
        FindingStatus.FAIL,
    ),
    Example(
        "event-action-plain",
        example_resource(
            POLICY,
            {
                "PolicyDetails": {
                    "Actions": [
                        {
                            "Name": "copy",
                            "CrossRegionCopy": [
                                {"Target": "eu-west-1", "EncryptionConfiguration": {"Encrypted": False}}
                            ],
                        }
                    ]
                }
            },
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "known-after-deploy",
        example_resource(
            POLICY, _policy({"TargetRegion": "eu-west-1", "Encrypted": Unresolved("var.encrypt")})
        ),
        FindingStatus.UNKNOWN,
    ),
)
