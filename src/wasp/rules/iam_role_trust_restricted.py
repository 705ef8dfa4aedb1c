"""A role's trust policy lets in only named principals: not anyone, not another account without an external id or
organisation condition, and not every identity of an OIDC provider."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._exposure import known_accounts
from wasp.rules._policy import condition_entries, covers, limiting_conditions, principals, statements

META = RuleMeta(
    title="IAM role trust policies let in only the principals they mean to",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP09", "SEC03-BP07"),
    resource_type="AWS::IAM::Role",
    description="A role assumable by '*' is anyone's (critical). Another account's principals need an "
    "sts:ExternalId or organisation condition (the confused-deputy guard), and a web-identity (OIDC) provider "
    "needs a condition on its ':sub' claim, or every identity the provider issues (any GitHub repository, any "
    "Cognito user) can assume the role.",
    remediation=Remediation(
        console="IAM > Roles > ROLE > Trust relationships > Edit: name the principal, and add a Condition "
        "(sts:ExternalId for a third party, aws:PrincipalOrgID for your organisation, '<provider>:sub' for OIDC).",
        cli="aws iam update-assume-role-policy --role-name ROLE --policy-document file://trust.json",
        cloudformation="AssumeRolePolicyDocument: Statement: [{Effect: Allow, Principal: {Federated: !Ref Oidc}, "
        "Action: sts:AssumeRoleWithWebIdentity, Condition: {StringLike: {'token.actions.githubusercontent.com:sub': "
        "'repo:my-org/my-repo:*'}}}]",
        terraform="assume_role_policy = data.aws_iam_policy_document.trust.json  # with a condition block on "
        "sts:ExternalId, aws:PrincipalOrgID or the provider's :sub claim",
    ),
    checkov=("CKV_AWS_60", "CKV_AWS_358", "CKV_AWS_393"),
)

ASSUME = ("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML")
ANYONE_LIMITS = frozenset(
    {
        "aws:principalorgid",
        "aws:principalorgpaths",
        "aws:principalaccount",
        "aws:principalarn",
        "aws:sourceaccount",
        "aws:sourcearn",
        "aws:sourceorgid",
    }
)
"""Conditions that narrow a '*' principal to known callers."""
ACCOUNT_LIMITS = frozenset({"sts:externalid", "aws:principalorgid", "aws:principalorgpaths"})
"""Conditions that make another account's principals safe to trust (SEC03-BP09)."""
_ACCOUNT = re.compile(r"^(\d{12})$|^arn:[^:]+:(?:iam|sts)::(\d{12}|\*):")
_WIDE_SUB = re.compile(r"^[^/*]*:?\*$")


def _provider(value: str) -> str | None:
    """The issuer host of a web-identity principal (an OIDC provider ARN, or Cognito/Google/Amazon/Facebook)."""
    if ":oidc-provider/" in value:
        return value.split(":oidc-provider/", 1)[1].lower()
    if value in (
        "cognito-identity.amazonaws.com",
        "accounts.google.com",
        "www.amazon.com",
        "graph.facebook.com",
    ):
        return value
    return None


def _sub_limited(st: Mapping[str, Any], host: str) -> bool:
    claims = (f"{host}:sub", f"{host}:aud") if host == "cognito-identity.amazonaws.com" else (f"{host}:sub",)
    limiting = limiting_conditions(st)
    return any(
        key in claims
        and key in limiting
        and not op.lower().startswith("stringnot")
        and not all(_WIDE_SUB.match(str(v)) for v in values)
        for op, key, values in condition_entries(st.get("Condition"))
    )


def _judge(st: Mapping[str, Any], ours: set[str], problems: list[str], undecided: list[str]) -> None:
    """Add what is wrong with one Allow statement of a trust policy."""
    if "NotPrincipal" in st:
        problems.append("Allow with NotPrincipal (everyone but the listed principals) (critical)")
        return
    limits = set(limiting_conditions(st))
    for kind, value in principals(st):
        if kind == "AWS":
            match = _ACCOUNT.match(value)
            account = (match.group(1) or match.group(2)) if match else None
            if value == "*" or account == "*":
                if not limits & ANYONE_LIMITS:
                    problems.append(f"any AWS principal ({value}) with no limiting condition (critical)")
            elif account and account not in ours and not limits & ACCOUNT_LIMITS:
                if ours:
                    problems.append(f"account {account} without sts:ExternalId or an organisation condition")
                else:
                    undecided.append(
                        f"whether account {account} is the workload's (list accounts in the workload file)"
                    )
        elif kind == "Federated":
            host = _provider(value)
            if host and not _sub_limited(st, host):
                problems.append(f"every identity of {host} (no condition on {host}:sub)")


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail open trust; unknown when a statement that decides it is known only at deploy time."""
    if str(view.get("Path", "/")).startswith("/aws-service-role/"):
        return None
    name = view.label("RoleName")
    document = view.peek("AssumeRolePolicyDocument")
    if document is None:
        return None
    if isinstance(document, Unresolved):
        return unknown(f"role {name}: the trust policy is known only at deploy time ({document.reason})")
    ours = known_accounts(ctx) | ({view.resource.account} if view.resource.account else set())
    problems: list[str] = []
    undecided: list[str] = []
    for st in statements(document, "AssumeRolePolicyDocument"):
        who = {k: st.get(k) for k in ("Effect", "Principal", "NotPrincipal", "Condition")}
        if (bad := contains_unresolved(who)) is not None:
            undecided.append(bad.reason)
            continue
        actions = (
            st if contains_unresolved(st.get("Action")) is None else {"Action": "*"}
        )  # unknown: any action
        if st.get("Effect") == "Allow" and any(covers(actions, a) for a in ASSUME):
            _judge(st, ours, problems, undecided)
    view.note("trust_problems", problems)
    view.note("undecided", undecided)
    if problems:
        critical = any(p.endswith("(critical)") for p in problems)
        text = "; ".join(p.removesuffix(" (critical)") for p in problems)
        return failed(f"role {name} can be assumed by {text}", Severity.CRITICAL if critical else None)
    if undecided:
        return unknown(f"role {name}: cannot tell who may assume it: {'; '.join(undecided)}")
    return passed(f"role {name} trusts only named principals, with the conditions their kind needs")


def _trust(principal: Any, condition: dict[str, Any] | None = None, action: str = "sts:AssumeRole") -> Any:
    statement: dict[str, Any] = {"Effect": "Allow", "Principal": principal, "Action": action}
    if condition:
        statement["Condition"] = condition
    return example_resource(
        "AWS::IAM::Role", {"RoleName": "r", "AssumeRolePolicyDocument": {"Statement": [statement]}}
    )


_OTHER = {"AWS": "arn:aws:iam::999988887777:root"}
_GITHUB = {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}
_WEB = "sts:AssumeRoleWithWebIdentity"
EXAMPLES = (
    Example("service", _trust({"Service": "lambda.amazonaws.com"}), FindingStatus.PASS),
    Example("own-account", _trust({"AWS": "arn:aws:iam::111122223333:root"}), FindingStatus.PASS),
    Example("anyone", _trust("*"), FindingStatus.FAIL),
    Example(
        "anyone-in-org",
        _trust({"AWS": "*"}, {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}),
        FindingStatus.PASS,
    ),
    Example("cross-account-no-external-id", _trust(_OTHER), FindingStatus.FAIL),
    Example(
        "cross-account-external-id",
        _trust(_OTHER, {"StringEquals": {"sts:ExternalId": "x1"}}),
        FindingStatus.PASS,
    ),
    Example(
        "cross-account-known",
        _trust(_OTHER),
        FindingStatus.PASS,
        workload=WorkloadScope(accounts=("111122223333", "999988887777")),
    ),
    Example("oidc-without-sub", _trust(_GITHUB, None, _WEB), FindingStatus.FAIL),
    Example(
        "oidc-any-repo",
        _trust(_GITHUB, {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}, _WEB),
        FindingStatus.FAIL,
    ),
    Example(
        "oidc-with-sub",
        _trust(_GITHUB, {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:org/app:*"}}, _WEB),
        FindingStatus.PASS,
    ),
    Example(
        "other-account-session",
        _trust({"AWS": "arn:aws:sts::999988887777:assumed-role/ci/session"}),
        FindingStatus.FAIL,
        workload=WorkloadScope(accounts=("111122223333",)),
    ),
    Example("principal-unknown", _trust({"AWS": Unresolved("a parameter")}), FindingStatus.UNKNOWN),
)
