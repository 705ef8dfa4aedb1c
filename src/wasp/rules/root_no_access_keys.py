"""The root user has no access keys."""

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

META = RuleMeta(
    title="Root user has no access keys",
    severity=Severity.CRITICAL,
    best_practices=("SEC01-BP02", "SEC02-BP02"),
    resource_type=ACCOUNT_TYPE,
    description="Root access keys are long-term credentials with unlimited power and cannot be restricted.",
    remediation=Remediation(
        console="Sign in as root > Security credentials > Access keys > Delete each key.",
        cli="Root keys can only be deleted while signed in as root; then confirm with "
        "aws iam get-account-summary (AccountAccessKeysPresent = 0).",
        cloudformation="Not settable in CloudFormation.",
        terraform="Not settable in Terraform.",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when the account summary reports root access keys."""
    present = view.get("RootUser.AccessKeysPresent")
    if present is None:
        return unknown("root access-key status was not reported")
    return failed("root user has access keys") if present else passed("root user has no access keys")


EXAMPLES = (
    Example(
        "none", example_resource(ACCOUNT_TYPE, {"RootUser": {"AccessKeysPresent": False}}), FindingStatus.PASS
    ),
    Example(
        "keys", example_resource(ACCOUNT_TYPE, {"RootUser": {"AccessKeysPresent": True}}), FindingStatus.FAIL
    ),
)
