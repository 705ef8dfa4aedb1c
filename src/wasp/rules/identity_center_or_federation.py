"""People sign in through IAM Identity Center or a federated identity provider."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
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

TYPES = ("AWS::SSO::Instance", "AWS::IAM::SAMLProvider", "AWS::IAM::OIDCProvider")

META = RuleMeta(
    title="A central identity provider is configured (Identity Center or federation)",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP04",),
    resource_type=ACCOUNT_TYPE,
    related_types=TYPES,
    description="Without a central identity provider, workforce access means IAM users: a second directory "
    "that is never in step with HR's joiners and leavers.",
    remediation=Remediation(
        console="IAM Identity Center > Enable, connect your IdP (Entra ID, Okta...) and assign permission sets.",
        cli="aws sso-admin create-instance   # or configure IAM Identity Center in the management account",
        cloudformation="AWS::SSO::Instance, AWS::SSO::PermissionSet, AWS::SSO::Assignment",
        terraform="aws_ssoadmin_permission_set and aws_ssoadmin_account_assignment (instance from data.aws_ssoadmin_instances)",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Any Identity Center instance or SAML/OIDC provider passes."""
    found = {t.split("::")[-1]: [r.id for r in ctx.inventory.of_type(t)] for t in TYPES}
    view.note("identity_providers", found)
    if any(found.values()):
        kinds = ", ".join(k for k, v in found.items() if v)
        return passed(f"central identity: {kinds}")
    return failed("no IAM Identity Center instance and no SAML or OIDC provider")


_ACCT = example_resource(ACCOUNT_TYPE, {"AccountId": "111122223333"})
EXAMPLES = (
    Example(
        "sso",
        _ACCT,
        FindingStatus.PASS,
        (example_resource("AWS::SSO::Instance", {}, "arn:aws:sso:::instance/x"),),
    ),
    Example("none", _ACCT, FindingStatus.FAIL),
)
