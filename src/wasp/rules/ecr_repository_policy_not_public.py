"""ECR repository policy grants no public or unknown cross-account access."""

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
)
from wasp.rules._exposure import exposure_verdict

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
)


def policy_of(view: ResourceView, ctx: RuleContext) -> Any:
    """The resource policy to evaluate."""
    return view.get("RepositoryPolicyText")


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Evaluate the policy, if any."""
    policy = policy_of(view, ctx)
    if not policy:
        return None
    return exposure_verdict(view, ctx, policy, "ECR repository policy")


_PUBLIC = {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}
_ORG_ONLY = {
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "*",
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}},
        }
    ]
}
_OTHER = {
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
            "Action": "*",
            "Resource": "*",
        }
    ]
}
EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::ECR::Repository", {"RepositoryPolicyText": _ORG_ONLY}),
        FindingStatus.PASS,
    ),
    Example(
        "public",
        example_resource("AWS::ECR::Repository", {"RepositoryPolicyText": _PUBLIC}),
        FindingStatus.FAIL,
    ),
)
