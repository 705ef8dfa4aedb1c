"""S3 Glacier vault access policies grant no public or unknown cross-account access."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import Example, Remediation, RuleMeta, example_resource
from wasp.rules._exposure import ORG_ONLY, PUBLIC, exposure_evaluate, own_property

VAULT = "WASP::Glacier::Vault"

META = RuleMeta(
    title="Glacier vault access policy is not public or shared with unknown accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type=VAULT,
    public_exposure=True,
    description="A vault access policy that allows any principal without a limiting condition (aws:PrincipalOrgID, "
    "aws:SourceAccount...) lets anyone retrieve or delete archives; an account outside the workload and its "
    "organisation is unknown cross-account access.",
    remediation=Remediation(
        console="S3 Glacier > Vaults > VAULT > Permissions > Edit policy: name the accounts or roles that need access.",
        cli="aws glacier set-vault-access-policy --account-id - --vault-name VAULT --policy file://policy.json",
        cloudformation="CloudFormation has no Glacier vault resource; set the policy with the CLI or Terraform.",
        terraform='access_policy = data.aws_iam_policy_document.vault.json  (principals { type = "AWS" identifiers = [...] })',
    ),
    checkov=("CKV_AWS_167",),
)

evaluate = exposure_evaluate(own_property("AccessPolicy"), "Glacier vault policy")

EXAMPLES = (
    Example("scoped", example_resource(VAULT, {"AccessPolicy": ORG_ONLY}), FindingStatus.PASS),
    Example("public", example_resource(VAULT, {"AccessPolicy": PUBLIC}), FindingStatus.FAIL),
)
