"""Image Builder distributions encrypt the AMIs they copy with a customer-managed KMS key."""

from typing import Any

from wasp.model import FindingStatus, Severity
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
from wasp.rules._iam_refs import is_set

META = RuleMeta(
    title="Image Builder distributions encrypt AMIs with a customer-managed key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01", "SEC08-BP02"),
    resource_type="AWS::ImageBuilder::DistributionConfiguration",
    description="Each distributed AMI's snapshots hold the hardened image, often with agents and configuration; "
    "a customer-managed KmsKeyId per AMI distribution keeps who may launch or copy them under the key policy.",
    remediation=Remediation(
        console="EC2 Image Builder > Distribution settings > SETTINGS > Edit: per Region, AMI encryption: "
        "choose a KMS key.",
        cli="aws imagebuilder update-distribution-configuration --distribution-configuration-arn ARN "
        "--distributions file://distributions.json",
        cloudformation="Distributions: [{Region: eu-west-2, AmiDistributionConfiguration: {KmsKeyId: !Ref AmiKey}}]",
        terraform="distribution { ami_distribution_configuration { kms_key_id = aws_kms_key.ami.arn } }",
    ),
    checkov=("CKV_AWS_199",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail each AMI distribution without a KMS key."""
    distributions = view.get("Distributions", [])
    bare: list[str] = []
    judged = 0
    for i, entry in enumerate(distributions if isinstance(distributions, list) else []):
        if not isinstance(entry, dict) or "AmiDistributionConfiguration" not in entry:
            continue
        judged += 1
        if not is_set(view, f"Distributions.{i}.AmiDistributionConfiguration.KmsKeyId"):
            bare.append(str(entry.get("Region", f"distribution {i + 1}")))
    if bare:
        return failed(f"distribution {view.label('Name')} copies AMIs without a KMS key to {', '.join(bare)}")
    if not judged:
        return None
    return passed("every AMI distribution names a KMS key")


def _dist(**ami: Any) -> dict[str, Any]:
    return {
        "Region": "eu-west-2",
        "AmiDistributionConfiguration": {"Name": "golden-{{imagebuilder:buildDate}}", **ami},
    }


_T = "AWS::ImageBuilder::DistributionConfiguration"
EXAMPLES = (
    Example(
        "cmk", example_resource(_T, {"Distributions": [_dist(KmsKeyId="alias/ami")]}), FindingStatus.PASS
    ),
    Example("default-key", example_resource(_T, {"Distributions": [_dist()]}), FindingStatus.FAIL),
)
