"""Every IAM user with a console password has MFA."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
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
from wasp.rules._shape import block, flag

META = RuleMeta(
    title="IAM users with console access have MFA",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP01",),
    resource_type="AWS::IAM::User",
    description="A console password without MFA is one phishing email away from account access.",
    remediation=Remediation(
        console="IAM > Users > USER > Security credentials > Assign MFA device; better, move people to "
        "IAM Identity Center and delete the console password.",
        cli="aws iam create-virtual-mfa-device ... && aws iam enable-mfa-device --user-name USER ...",
        cloudformation="Enforce with a policy that denies all but MFA setup when aws:MultiFactorAuthPresent "
        "is false; MFA devices themselves are enrolled by the user.",
        terraform='resource "aws_iam_virtual_mfa_device" "user" { virtual_mfa_device_name = "USER" }  '
        "# enrol, then attach an MFA-required policy",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only users with a console password are in scope."""
    if not block(view, "LoginProfile"):
        return None
    if flag(view, f"{SUPPLEMENTARY}.MfaActive"):
        return passed("console user has MFA")
    return failed(f"IAM user {view.id} can sign in to the console without MFA")


def _user(mfa: bool, login: bool = True) -> dict[str, object]:
    props: dict[str, object] = {"UserName": "bob", SUPPLEMENTARY: {"MfaActive": mfa}}
    if login:
        props["LoginProfile"] = {"Password": "***"}
    return props


EXAMPLES = (
    Example("mfa", example_resource("AWS::IAM::User", _user(True), "bob"), FindingStatus.PASS),
    Example("no-mfa", example_resource("AWS::IAM::User", _user(False), "bob"), FindingStatus.FAIL),
)
