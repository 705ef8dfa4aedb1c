"""Where IAM users still sign in with passwords, the account password policy is strong."""

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
from wasp.rules._iam_password import MIN_LENGTH, MIN_REUSE, weaknesses

META = RuleMeta(
    title="Password policy is strong where IAM users have console passwords",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP01",),
    resource_type=ACCOUNT_TYPE,
    related_types=("AWS::IAM::User",),
    description=f"Console passwords need at least {MIN_LENGTH} characters, all character classes and "
    f"reuse prevention of {MIN_REUSE}, as CIS recommends.",
    remediation=Remediation(
        console="IAM > Account settings > Password policy > Edit.",
        cli=f"aws iam update-account-password-policy --minimum-password-length {MIN_LENGTH} "
        "--require-symbols --require-numbers --require-uppercase-characters "
        f"--require-lowercase-characters --password-reuse-prevention {MIN_REUSE}",
        cloudformation="No native resource; set it once per account with the CLI or a custom resource.",
        terraform=f'resource "aws_iam_account_password_policy" "this" {{\n  minimum_password_length = '
        f"{MIN_LENGTH}\n  require_symbols = true\n  require_numbers = true\n  require_uppercase_characters "
        f"= true\n  require_lowercase_characters = true\n  password_reuse_prevention = {MIN_REUSE}\n}}",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Not applicable without console users; otherwise check length, classes and reuse."""
    console_users = [u for u in ctx.inventory.of_type("AWS::IAM::User") if u.properties.get("LoginProfile")]
    view.note("console_users", len(console_users))
    if not console_users:
        return None
    policy = view.get("PasswordPolicy")
    if not policy:
        return failed(
            f"{len(console_users)} IAM user(s) have console passwords and there is no password policy"
        )
    weak = weaknesses(policy)
    if weak:
        return failed("password policy is weak: " + ", ".join(weak))
    return passed("password policy meets the baseline")


_STRONG = {
    "MinimumPasswordLength": 16,
    "RequireSymbols": True,
    "RequireNumbers": True,
    "RequireUppercaseCharacters": True,
    "RequireLowercaseCharacters": True,
    "PasswordReusePrevention": 24,
}
_USER = example_resource("AWS::IAM::User", {"UserName": "alice", "LoginProfile": {"Password": "x"}}, "alice")
EXAMPLES = (
    Example(
        "strong", example_resource(ACCOUNT_TYPE, {"PasswordPolicy": _STRONG}), FindingStatus.PASS, (_USER,)
    ),
    Example(
        "missing", example_resource(ACCOUNT_TYPE, {"PasswordPolicy": None}), FindingStatus.FAIL, (_USER,)
    ),
    Example(
        "short",
        example_resource(ACCOUNT_TYPE, {"PasswordPolicy": {**_STRONG, "MinimumPasswordLength": 8}}),
        FindingStatus.FAIL,
        (_USER,),
    ),
)
