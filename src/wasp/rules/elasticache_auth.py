"""ElastiCache replication groups authenticate clients over an encrypted connection."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, is_true, listed

META = RuleMeta(
    title="ElastiCache replication groups authenticate clients",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP03", "SEC09-BP02"),
    resource_type="AWS::ElastiCache::ReplicationGroup",
    description="Without an AUTH token or RBAC user group, any client that reaches the port can read and write "
    "every key; authentication needs in-transit encryption, or the token crosses the network in plaintext.",
    remediation=Remediation(
        console="ElastiCache > caches > CACHE > Modify > Access control: User group access control list (or "
        "AUTH with a token from Secrets Manager); Encryption in transit: required.",
        cli="aws elasticache modify-replication-group --replication-group-id RG --user-group-ids-to-add GROUP "
        "--apply-immediately",
        cloudformation="TransitEncryptionEnabled: true, UserGroupIds: [!Ref AppUsers] (or AuthToken from a "
        "dynamic reference to Secrets Manager)",
        terraform="transit_encryption_enabled = true, user_group_ids = [aws_elasticache_user_group.app.id]",
    ),
    checkov=("CKV_AWS_31",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail without TLS, or without an AUTH token or user group. The token is never read, only its presence."""
    name = view.resource.origin.address or view.id
    if not is_true(view.get("TransitEncryptionEnabled")):
        return failed(
            f"replication group {name} has no in-transit encryption, so no protected authentication"
        )
    token = "AuthToken" in view.resource.properties  # a NoEcho parameter or dynamic reference counts as set
    view.note("AuthToken set", token)
    if token or listed(view.get("UserGroupIds")):
        return passed("clients authenticate over TLS")
    return failed(f"replication group {name} lets any client in: no AUTH token and no RBAC user group")


EXAMPLES = examples(
    "AWS::ElastiCache::ReplicationGroup",
    passing=[
        ("token", {"TransitEncryptionEnabled": True, "AuthToken": "(set)"}),
        ("rbac", {"TransitEncryptionEnabled": True, "UserGroupIds": ["app-users"]}),
    ],
    failing=[
        ("no-tls", {"AuthToken": "(set)"}),
        ("open", {"TransitEncryptionEnabled": True}),
    ],
) + unknowns(
    "AWS::ElastiCache::ReplicationGroup",
    (
        "deploy-time",
        {"TransitEncryptionEnabled": Unresolved("a parameter with no default"), "AuthToken": "(set)"},
    ),
)
