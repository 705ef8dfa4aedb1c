"""Terraform's AWS provider does not carry access keys written in the configuration."""

from wasp.model import FindingStatus, Severity, Unresolved
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

PROVIDER = "WASP::Terraform::AwsProvider"
LITERAL = "(literal)"
"""What the Terraform reader keeps of a credential written in the configuration (never the value)."""
_CREDENTIALS = (("AccessKey", "access key"), ("SecretKey", "secret key"), ("SessionToken", "session token"))

META = RuleMeta(
    title="Terraform's AWS provider has no access keys written in the configuration",
    severity=Severity.CRITICAL,
    best_practices=("SEC02-BP03", "SEC02-BP02"),
    resource_type=PROVIDER,
    description="An access key and secret key in a provider block (or a variable's default) are readable by "
    "everyone with the repository, its history, every clone and CI log, and stay valid until someone rotates "
    "them. Let the provider find temporary credentials instead: an assumed role, IAM Identity Center "
    "(a profile), OIDC in CI, or the environment. The values are never shown in findings.",
    remediation=Remediation(
        console="IAM > Users > USER > Security credentials: deactivate and delete the key written in the "
        "configuration, then remove it from the repository history.",
        cli="aws iam update-access-key --user-name USER --access-key-id KEY_ID --status Inactive && "
        "aws iam delete-access-key --user-name USER --access-key-id KEY_ID",
        cloudformation="Not applicable to CloudFormation: stacks deploy with the caller's or a service role's "
        "credentials.",
        terraform='provider "aws" { region = "eu-west-2"  assume_role { role_arn = var.deploy_role_arn } }  '
        '# or profile = "..." / AWS_* environment variables from OIDC',
    ),
    checkov=("CKV_AWS_41",),
)


def _written(value: object) -> bool:
    """A credential in the configuration: the reader's marker, or any other known value (never judged by type:
    whatever is written there is written)."""
    return value is not None and value != "" and not isinstance(value, Unresolved)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when any credential is written in the configuration; one left to apply time passes."""
    written = [label for prop, label in _CREDENTIALS if _written(view.peek(prop))]
    name = view.resource.origin.address or view.id
    if written:
        return failed(
            f"{name} has its {' and '.join(written)} written in the configuration (value not shown): revoke "
            "and rotate, and use temporary credentials"
        )
    return passed("no credentials written in the provider block")


EXAMPLES = (
    Example(
        "keys-in-block",
        example_resource(PROVIDER, {"AccessKey": LITERAL, "SecretKey": LITERAL}),
        FindingStatus.FAIL,
    ),
    Example("secret-default", example_resource(PROVIDER, {"SecretKey": LITERAL}), FindingStatus.FAIL),
    Example("assume-role", example_resource(PROVIDER, {"AssumeRole": "(set)"}), FindingStatus.PASS),
    Example(
        "variables-given-at-apply",
        example_resource(
            PROVIDER,
            {
                "AccessKey": Unresolved("variable access_key has no value"),
                "SecretKey": Unresolved("variable"),
            },
        ),
        FindingStatus.PASS,
    ),
)
