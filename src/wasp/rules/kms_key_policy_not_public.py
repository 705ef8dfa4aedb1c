"""KMS key policy grants no public or unknown cross-account access."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    RuleMeta,
    example_resource,
)
from wasp.rules._exposure import ORG_ONLY, PUBLIC, exposure_evaluate, own_property

META = RuleMeta(
    title="KMS key policy is not public or shared with unknown accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::KMS::Key",
    public_exposure=True,
    description="Evaluated with policyuniverse (conditions such as aws:PrincipalOrgID and aws:SourceVpce honoured): "
    "any principal without a limiting condition is public; an account outside the workload and its organisation is "
    "unknown cross-account access.",
    remediation=Remediation(
        console="KMS > KEY > Key policy > Edit: remove Principal '*' statements or limit them with kms:CallerAccount / aws:PrincipalOrgID.",
        cli="aws kms put-key-policy --key-id KEY --policy-name default --policy file://key-policy.json",
        cloudformation="KeyPolicy with named principals",
        terraform="policy in aws_kms_key with named principals",
    ),
    checkov=("CKV_AWS_33", "CKV_AWS_283"),
)


evaluate = exposure_evaluate(own_property("KeyPolicy"), "KMS key policy")


EXAMPLES = (
    Example("own", example_resource("AWS::KMS::Key", {"KeyPolicy": ORG_ONLY}), FindingStatus.PASS),
    Example("public", example_resource("AWS::KMS::Key", {"KeyPolicy": PUBLIC}), FindingStatus.FAIL),
)
