"""Secrets Manager resource policy grants no public or unknown cross-account access."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    RuleMeta,
    example_resource,
)
from wasp.rules._exposure import ORG_ONLY, PUBLIC, exposure_evaluate, neighbour

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


evaluate = exposure_evaluate(
    neighbour("AWS::SecretsManager::ResourcePolicy", "ResourcePolicy", "SecretId", ("Name",)),
    "Secrets Manager resource policy",
)


EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::SecretsManager::Secret", {}, "s"),
        FindingStatus.PASS,
        (example_resource("AWS::SecretsManager::ResourcePolicy", {"ResourcePolicy": ORG_ONLY}, "s"),),
    ),
    Example(
        "public",
        example_resource("AWS::SecretsManager::Secret", {}, "s"),
        FindingStatus.FAIL,
        (example_resource("AWS::SecretsManager::ResourcePolicy", {"ResourcePolicy": PUBLIC}, "s"),),
    ),
)
