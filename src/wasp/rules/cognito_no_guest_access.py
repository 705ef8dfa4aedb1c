"""Cognito identity pools do not hand AWS credentials to unauthenticated guests."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_false
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Cognito identity pools do not allow unauthenticated identities",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP01", "SEC03-BP02"),
    resource_type="AWS::Cognito::IdentityPool",
    public_exposure=True,
    description="Guest access gives anyone who knows the pool id temporary AWS credentials for the "
    "unauthenticated role; whatever that role may do is public.",
    remediation=Remediation(
        console="Cognito > Identity pools > POOL > User access > Guest access: deactivate.",
        cli="aws cognito-identity update-identity-pool --identity-pool-id ID --identity-pool-name NAME "
        "--no-allow-unauthenticated-identities",
        cloudformation="AllowUnauthenticatedIdentities: false",
        terraform="allow_unauthenticated_identities = false",
    ),
    checkov=("CKV_AWS_366",),
)

_evaluate = expect(
    "AllowUnauthenticatedIdentities",
    is_false,
    ok="only authenticated identities",
    bad="identity pool {name} gives AWS credentials to unauthenticated guests",
    default=False,
)


evaluate = live_reads("AllowUnauthenticatedIdentities", _evaluate)

EXAMPLES = with_read(
    {"AllowUnauthenticatedIdentities": False},
    examples(
        "AWS::Cognito::IdentityPool",
        passing=[("off", {"AllowUnauthenticatedIdentities": False})],
        failing=[("guests", {"AllowUnauthenticatedIdentities": True})],
    ),
)
