"""ECR repository policy grants no public or unknown cross-account access."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    RuleMeta,
    example_resource,
)
from wasp.rules._exposure import ORG_ONLY, PUBLIC, exposure_evaluate, own_property

META = RuleMeta(
    title="ECR repository policy is not public or shared with unknown accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::ECR::Repository",
    public_exposure=True,
    description="Evaluated with policyuniverse (conditions such as aws:PrincipalOrgID and aws:SourceVpce honoured): "
    "any principal without a limiting condition is public; an account outside the workload and its organisation is "
    "unknown cross-account access.",
    remediation=Remediation(
        console="ECR > REPOSITORY > Permissions > Edit policy: name the accounts allowed to pull.",
        cli="aws ecr set-repository-policy --repository-name REPO --policy-text file://policy.json",
        cloudformation="RepositoryPolicyText with named principals",
        terraform="aws_ecr_repository_policy with named principals",
    ),
    checkov=("CKV_AWS_32",),
)


evaluate = exposure_evaluate(own_property("RepositoryPolicyText"), "ECR repository policy")


EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::ECR::Repository", {"RepositoryPolicyText": ORG_ONLY}),
        FindingStatus.PASS,
    ),
    Example(
        "public",
        example_resource("AWS::ECR::Repository", {"RepositoryPolicyText": PUBLIC}),
        FindingStatus.FAIL,
    ),
)
