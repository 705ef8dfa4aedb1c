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


WORKLOAD_OIDC = (
    "token.actions.githubusercontent.com",
    "gitlab.com",
    "app.terraform.io",
    "oidc.circleci.com",
    "api.bitbucket.org",
    "oidc.eks.",
    "vstoken.actions.githubusercontent.com",
    "vstoken.dev.azure.com",
)
"""OIDC issuers that sign in pipelines and clusters (workload identities), not people."""


def is_workload_issuer(url: str) -> bool:
    """True for an OIDC provider of CI/CD or Kubernetes service accounts."""
    host = url.removeprefix("https://")
    return any(host.startswith(prefix) for prefix in WORKLOAD_OIDC)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Any Identity Center instance, SAML provider or workforce OIDC provider passes; CI/CD issuers do not."""
    found = {t.split("::")[-1]: [r.id for r in ctx.inventory.of_type(t)] for t in TYPES}
    workload = [
        r.id
        for r in ctx.inventory.of_type("AWS::IAM::OIDCProvider")
        if is_workload_issuer(str(r.properties.get("Url") or r.id.split("/", 1)[-1]))
    ]
    found["OIDCProvider"] = [p for p in found["OIDCProvider"] if p not in workload]
    view.note("identity_providers", found)
    view.note("workload_identity_providers", workload)
    if any(found.values()):
        kinds = ", ".join(k for k, v in found.items() if v)
        return passed(f"central identity: {kinds}")
    tail = (
        f" ({len(workload)} OIDC provider(s) for pipelines or clusters are workload identities)"
        if workload
        else ""
    )
    return failed(f"no IAM Identity Center instance and no workforce SAML or OIDC provider{tail}")


_ACCT = example_resource(ACCOUNT_TYPE, {"AccountId": "111122223333"})
EXAMPLES = (
    Example(
        "sso",
        _ACCT,
        FindingStatus.PASS,
        (example_resource("AWS::SSO::Instance", {}, "arn:aws:sso:::instance/x"),),
    ),
    Example("none", _ACCT, FindingStatus.FAIL),
    Example(
        "ci-oidc-only",
        _ACCT,
        FindingStatus.FAIL,
        (
            example_resource(
                "AWS::IAM::OIDCProvider",
                {"Url": "token.actions.githubusercontent.com"},
                "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
            ),
        ),
    ),
    Example(
        "workforce-oidc",
        _ACCT,
        FindingStatus.PASS,
        (
            example_resource(
                "AWS::IAM::OIDCProvider",
                {"Url": "example.okta.com"},
                "arn:aws:iam::111122223333:oidc-provider/example.okta.com",
            ),
        ),
    ),
)
