"""The root user has MFA enabled."""

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
    unknown,
)
from wasp.rules._shape import flag

META = RuleMeta(
    title="Root user has MFA enabled",
    severity=Severity.CRITICAL,
    best_practices=("SEC01-BP02", "SEC02-BP01"),
    resource_type=ACCOUNT_TYPE,
    description="The root user can do anything in the account; without MFA a stolen password is enough.",
    remediation=Remediation(
        console="Sign in as root > Security credentials > Multi-factor authentication > Assign MFA device "
        "(prefer a hardware key); in an organisation, centralise root access and remove root credentials.",
        cli="aws iam list-virtual-mfa-devices  # root MFA must be assigned while signed in as root",
        cloudformation="Not settable in CloudFormation; use Organizations centralized root access.",
        terraform="Not settable in Terraform; use Organizations centralized root access.",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when the account summary says root has no MFA."""
    mfa = flag(view, "RootUser.MfaEnabled")
    if mfa is None:
        return unknown("root MFA status was not reported")
    return passed("root user has MFA") if mfa else failed("root user has no MFA device")


EXAMPLES = (
    Example("mfa", example_resource(ACCOUNT_TYPE, {"RootUser": {"MfaEnabled": True}}), FindingStatus.PASS),
    Example(
        "no-mfa", example_resource(ACCOUNT_TYPE, {"RootUser": {"MfaEnabled": False}}), FindingStatus.FAIL
    ),
)
