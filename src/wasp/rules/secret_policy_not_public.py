"""Secrets Manager resource policy grants no public or unknown cross-account access."""

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
    title="Secrets Manager resource policy is not public or shared with unknown accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::SecretsManager::Secret",
    related_types=("AWS::SecretsManager::ResourcePolicy",),
    public_exposure=True,
    description="Evaluated with policyuniverse (conditions such as aws:PrincipalOrgID and aws:SourceVpce honoured): "
    "any principal without a limiting condition is public; an account outside the workload and its organisation is "
    "unknown cross-account access.",
    remediation=Remediation(
        console="Secrets Manager > SECRET > Resource permissions > Edit: remove broad principals; Block public policy is on by default.",
        cli="aws secretsmanager put-resource-policy --secret-id SECRET --resource-policy file://policy.json --block-public-policy",
        cloudformation="AWS::SecretsManager::ResourcePolicy {BlockPublicPolicy: true}",
        terraform="aws_secretsmanager_secret_policy { block_public_policy = true }",
    ),
)


def policy_of(view: ResourceView, ctx: RuleContext) -> Any:
    """The resource policy to evaluate."""
    policies = [p for p in ctx.inventory.of_type("AWS::SecretsManager::ResourcePolicy") if p.id == view.id]
    return policies[0].properties.get("ResourcePolicy") if policies else None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Evaluate the policy, if any."""
    policy = policy_of(view, ctx)
    if not policy:
        return None
    return exposure_verdict(view, ctx, policy, "Secrets Manager resource policy")


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
        example_resource("AWS::SecretsManager::Secret", {}, "s"),
        FindingStatus.PASS,
        (example_resource("AWS::SecretsManager::ResourcePolicy", {"ResourcePolicy": _ORG_ONLY}, "s"),),
    ),
    Example(
        "public",
        example_resource("AWS::SecretsManager::Secret", {}, "s"),
        FindingStatus.FAIL,
        (example_resource("AWS::SecretsManager::ResourcePolicy", {"ResourcePolicy": _PUBLIC}, "s"),),
    ),
)
