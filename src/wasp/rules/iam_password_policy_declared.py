"""A password policy declared in Terraform meets the baseline: length 14, every character class, reuse 24."""

from wasp.model import FindingStatus, Severity
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

POLICY = "WASP::IAM::AccountPasswordPolicy"

META = RuleMeta(
    title="Declared IAM password policies are strong",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP01",),
    resource_type=POLICY,
    description=f"Terraform's aws_iam_account_password_policy (CloudFormation has no type for it) sets the "
    f"account's console password rules: at least {MIN_LENGTH} characters, symbols, numbers, upper and lower "
    f"case, and reuse prevention of {MIN_REUSE}, as CIS recommends. The live account is judged by "
    "iam_password_policy_strong.",
    remediation=Remediation(
        console="IAM > Account settings > Password policy > Edit.",
        cli=f"aws iam update-account-password-policy --minimum-password-length {MIN_LENGTH} --require-symbols "
        "--require-numbers --require-uppercase-characters --require-lowercase-characters "
        f"--password-reuse-prevention {MIN_REUSE}",
        cloudformation="No native resource; set it once per account with the CLI or a custom resource.",
        terraform=f"minimum_password_length = {MIN_LENGTH}, require_symbols/numbers/uppercase_characters/"
        f"lowercase_characters = true, password_reuse_prevention = {MIN_REUSE}",
    ),
    checkov=("CKV_AWS_10", "CKV_AWS_11", "CKV_AWS_12", "CKV_AWS_13", "CKV_AWS_14", "CKV_AWS_15"),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail each way the declared policy falls short."""
    policy = view.get("PasswordPolicy", {})
    weak = weaknesses(policy if isinstance(policy, dict) else {})
    view.note("weaknesses", weak)
    if weak:
        return failed(f"password policy {view.resource.origin.address or view.id} is weak: {', '.join(weak)}")
    return passed("password policy meets the baseline")


_STRONG = {
    "MinimumPasswordLength": 16,
    "RequireSymbols": True,
    "RequireNumbers": True,
    "RequireUppercaseCharacters": True,
    "RequireLowercaseCharacters": True,
    "PasswordReusePrevention": 24,
}
EXAMPLES = (
    Example("strong", example_resource(POLICY, {"PasswordPolicy": _STRONG}), FindingStatus.PASS),
    Example(
        "short",
        example_resource(POLICY, {"PasswordPolicy": {**_STRONG, "MinimumPasswordLength": 8}}),
        FindingStatus.FAIL,
    ),
    Example(
        "no-symbols",
        example_resource(POLICY, {"PasswordPolicy": {**_STRONG, "RequireSymbols": False}}),
        FindingStatus.FAIL,
    ),
    Example(
        "reuse-allowed",
        example_resource(POLICY, {"PasswordPolicy": {**_STRONG, "PasswordReusePrevention": 5}}),
        FindingStatus.FAIL,
    ),
)
