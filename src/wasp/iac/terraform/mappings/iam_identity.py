"""IAM identity ``aws_*`` types in CloudFormation shape: access keys and the account password policy."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, pick, truthy


def access_key(v: Values) -> Props:
    """``aws_iam_access_key`` as ``AWS::IAM::AccessKey`` (``status`` defaults to Active, as in AWS)."""
    return {"UserName": v.get("user"), "Status": v.get("status") or "Active"}


def password_policy(v: Values) -> Props:
    """``aws_iam_account_password_policy`` (no CloudFormation type) as ``WASP::IAM::AccountPasswordPolicy``,
    its ``PasswordPolicy`` in the shape the live reader gives the account's."""
    policy = pick(
        v,
        {
            "minimum_password_length": "MinimumPasswordLength",
            "password_reuse_prevention": "PasswordReusePrevention",
            "max_password_age": "MaxPasswordAge",
        },
    )
    policy.setdefault("MinimumPasswordLength", 6)  # the provider's (and AWS's) default
    for tf, cfn in (
        ("require_symbols", "RequireSymbols"),
        ("require_numbers", "RequireNumbers"),
        ("require_uppercase_characters", "RequireUppercaseCharacters"),
        ("require_lowercase_characters", "RequireLowercaseCharacters"),
        ("allow_users_to_change_password", "AllowUsersToChangePassword"),
    ):
        policy[cfn] = truthy(v.get(tf, False))
    return {"PasswordPolicy": policy}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_iam_access_key": ("AWS::IAM::AccessKey", access_key),
    "aws_iam_account_password_policy": ("WASP::IAM::AccountPasswordPolicy", password_policy),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
