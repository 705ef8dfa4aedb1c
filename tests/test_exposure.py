"""Effective exposure, pure: which policies are public once conditions, guarding Denies and S3's own blocking
layers (Block Public Access at bucket or account level, Object Ownership) are weighed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import res
from wasp.engine.evaluate import evaluate_resource
from wasp.model import ACCOUNT_TYPE, FindingStatus, Inventory, Severity, Unresolved
from wasp.model.rule import ResourceView, RuleContext, WorkloadScope
from wasp.rules import load_rules
from wasp.rules._public import condition_limits, public_statements

RULES = {r.id: r for r in load_rules()}
ACCOUNT = "111122223333"
F, P, U = FindingStatus.FAIL, FindingStatus.PASS, FindingStatus.UNKNOWN
FLAGS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")


def anyone(condition: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    statement: dict[str, Any] = {
        "Effect": "Allow",
        "Principal": "*",
        "Action": "sns:Publish",
        "Resource": "*",
    }
    if condition is not None:
        statement["Condition"] = condition
    return {**statement, **extra}


def is_public(*statements: dict[str, Any]) -> bool:
    return bool(public_statements(list(statements)))


def policyuniverse_public(*statements: dict[str, Any]) -> bool:
    from policyuniverse.policy import Policy

    return bool(Policy({"Statement": list(statements)}).is_internet_accessible())


# --- conditions ------------------------------------------------------------------------------------------------

PINNED = [
    {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
    {"StringEquals": {"AWS:SourceOwner": ACCOUNT}},
    {"StringEquals": {"aws:PrincipalAccount": [ACCOUNT, "444455556666"]}},
    {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}},
    {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-abc123/r-ab12/ou-ab12-11111111/*"}},
    {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}},
    {"StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"}},
    {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::my-bucket"}},
    {"ArnLike": {"aws:SourceArn": f"arn:aws:sns:*:{ACCOUNT}:*"}},
    {"ArnEquals": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/app"}},
    {"StringLike": {"aws:userid": "AROAEXAMPLEID:*"}},
    {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"]}},
    {"StringEquals": {"kms:CallerAccount": ACCOUNT}},
]


@pytest.mark.parametrize("condition", PINNED, ids=lambda c: next(iter(next(iter(c.values())))))
def test_a_fixed_value_of_a_pinning_key_limits_anyone(condition: dict[str, Any]) -> None:
    assert not is_public(anyone(condition))


OPEN = [
    # absent key satisfies ...IfExists and ForAllValues: a direct anonymous request has no aws:SourceAccount
    ("if-exists", {"StringEqualsIfExists": {"aws:SourceAccount": ACCOUNT}}),
    ("for-all-values", {"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}),
    ("wildcard", {"StringLike": {"aws:SourceAccount": "*"}}),
    ("one-wildcard-value", {"StringLike": {"aws:SourceAccount": [ACCOUNT, "*"]}}),
    ("org-wildcard", {"StringLike": {"aws:PrincipalOrgID": "o-*"}}),
    ("vpce-wildcard", {"StringLike": {"aws:SourceVpce": "vpce-*"}}),
    ("policy-variable", {"StringEquals": {"aws:SourceAccount": "${aws:PrincipalAccount}"}}),
    ("arn-any-account", {"ArnLike": {"aws:SourceArn": "arn:aws:sns:eu-west-2:*:topic"}}),
    ("arn-any-bucket", {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::*"}}),
    ("not-an-arn", {"ArnLike": {"aws:SourceArn": "*"}}),
    ("whole-internet", {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}),
    ("whole-internet-v6", {"IpAddress": {"aws:SourceIp": "::/0"}}),
    ("userid-any", {"StringLike": {"aws:userid": "*"}}),
    ("negated", {"StringNotEquals": {"aws:SourceAccount": ACCOUNT}}),
    ("null", {"Null": {"aws:SourceAccount": "false"}}),
    ("weak-key", {"StringEquals": {"aws:Referer": "https://example.com"}}),
    ("transport-only", {"Bool": {"aws:SecureTransport": "true"}}),
    ("empty-values", {"StringEquals": {"aws:SourceAccount": []}}),
]


@pytest.mark.parametrize(("name", "condition"), OPEN, ids=[n for n, _ in OPEN])
def test_a_condition_that_pins_nothing_leaves_anyone_in(name: str, condition: dict[str, Any]) -> None:
    assert is_public(anyone(condition))


def test_policyuniverse_gaps_are_filled() -> None:
    if_exists = anyone({"StringEqualsIfExists": {"aws:SourceAccount": ACCOUNT}})
    assert not policyuniverse_public(if_exists) and is_public(if_exists)
    anded = anyone(
        {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}, "StringEquals": {"aws:PrincipalOrgID": "o-a1"}}
    )
    assert policyuniverse_public(anded) and not is_public(anded)


def test_principals() -> None:
    assert is_public(anyone(Principal={"AWS": "*"}))
    assert is_public(anyone(Principal={"AWS": ["arn:aws:iam::*:root"]}))
    assert is_public(
        {"Effect": "Allow", "NotPrincipal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "*"}
    )
    assert not is_public(anyone(Principal={"AWS": f"arn:aws:iam::{ACCOUNT}:root"}))
    assert not is_public(anyone(Principal={"Service": "s3.amazonaws.com"}))
    assert not is_public(anyone(Effect="Deny"))


# --- guarding Deny statements ----------------------------------------------------------------------------------

READ = {
    "Effect": "Allow",
    "Principal": "*",
    "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::site/*",
}


def guard(
    condition: dict[str, Any], action: Any = "s3:*", resource: Any = "arn:aws:s3:::site/*"
) -> dict[str, Any]:
    return {
        "Effect": "Deny",
        "Principal": "*",
        "Action": action,
        "Resource": resource,
        "Condition": condition,
    }


def test_a_deny_unless_from_my_endpoint_limits_the_allow() -> None:
    assert is_public(READ)
    assert not is_public(READ, guard({"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}))
    assert not is_public(READ, guard({"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}}))
    assert not is_public(READ, guard({"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}}))


@pytest.mark.parametrize(
    "deny",
    [
        guard({"StringNotEquals": {"aws:SourceVpce": "vpce-*"}}),  # pins nothing
        guard({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}, "Bool": {"aws:SecureTransport": "false"}}),
        guard({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}, action="s3:PutObject"),  # other action
        guard({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}, resource="arn:aws:s3:::other/*"),
        guard({"StringEquals": {"aws:SourceVpce": "vpce-1"}}),  # denies only the endpoint
        {
            **guard({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}),
            "Principal": {"AWS": "arn:aws:iam::1:root"},
        },
    ],
    ids=["wildcard", "anded-with-transport", "other-action", "other-resource", "positive", "one-principal"],
)
def test_a_deny_that_does_not_cover_the_allow_does_not_limit_it(deny: dict[str, Any]) -> None:
    assert is_public(READ, deny)


# --- properties ------------------------------------------------------------------------------------------------

KEYS = st.sampled_from(
    ["aws:SourceAccount", "aws:PrincipalOrgID", "aws:SourceVpce", "aws:Referer", "aws:SourceIp"]
)
OPERATORS = st.sampled_from(
    [
        "StringEquals",
        "StringLike",
        "StringEqualsIfExists",
        "ForAllValues:StringEquals",
        "StringNotEquals",
        "Null",
    ]
)
VALUES = st.sampled_from(
    [ACCOUNT, "o-abc123", "vpce-1a2b", "*", "o-*", "0.0.0.0/0", "10.0.0.0/8", "${aws:x}"]
)
CONDITIONS = st.dictionaries(
    OPERATORS, st.dictionaries(KEYS, st.lists(VALUES, min_size=1, max_size=3), max_size=3)
)


@given(CONDITIONS)
def test_adding_a_pinning_entry_always_limits(condition: dict[str, Any]) -> None:
    pinned = {**condition, "ArnEquals": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/app"}}
    assert condition_limits(pinned)


@given(CONDITIONS)
def test_if_exists_and_for_all_values_never_limit(condition: dict[str, Any]) -> None:
    weakened = {
        (op if op.startswith("ForAllValues:") else f"{op}IfExists"): block for op, block in condition.items()
    }
    assert not condition_limits(weakened)


# --- S3's own blocking layers, through the rules --------------------------------------------------------------

PUBLIC_POLICY = {"Statement": [READ]}
CROSS_ACCOUNT = {
    "Statement": [{**READ, "Principal": {"AWS": "arn:aws:iam::999988887777:root"}}],
}


def account(block: Any) -> Any:
    return res(ACCOUNT_TYPE, {"PublicAccessBlock": block}, ACCOUNT, region=None)


def bucket(**props: Any) -> Any:
    return res("AWS::S3::Bucket", {"BucketName": "site", **props}, "site")


def run(rule: str, target: Any, *neighbours: Any) -> Any:
    inv = Inventory()
    inv.extend([target, *neighbours])
    ctx = RuleContext(inventory=inv, workload=WorkloadScope(accounts=(ACCOUNT,)))
    finding = evaluate_resource(RULES[rule], target, ctx, "2026-01-01T00:00:00+00:00")
    assert finding is not None
    return finding


def verdict(rule: str, target: Any, *neighbours: Any) -> Any:
    """The rule's own verdict (before the engine turns it into a finding)."""
    inv = Inventory()
    inv.extend([target, *neighbours])
    return RULES[rule].evaluate(ResourceView(target), RuleContext(inventory=inv, workload=WorkloadScope()))


def policy(doc: Any) -> Any:
    return res("AWS::S3::BucketPolicy", {"Bucket": "site", "PolicyDocument": doc}, "site")


DENIED = Unresolved("s3:GetAccountPublicAccessBlock: AccessDenied")
RESTRICTED = {"RestrictPublicBuckets": True}
IGNORED = {"IgnorePublicAcls": True}

POLICY_CASES = [
    # (bucket-level block, account-level block, status, severity)
    ("no block", None, None, F, Severity.CRITICAL),
    ("bucket restricts", RESTRICTED, None, F, Severity.LOW),
    ("account restricts", None, RESTRICTED, F, Severity.LOW),
    (
        "only BlockPublicPolicy",
        {"BlockPublicPolicy": True},
        {"BlockPublicPolicy": True},
        F,
        Severity.CRITICAL,
    ),
    ("account unread", None, DENIED, U, None),
    ("account unread, bucket restricts", RESTRICTED, DENIED, F, Severity.LOW),
    ("bucket unread, account restricts", Unresolved("denied"), RESTRICTED, F, Severity.LOW),
    ("bucket unread, account off", Unresolved("denied"), None, U, None),
    ("flag unread, account off", {"RestrictPublicBuckets": Unresolved("after apply")}, None, U, None),
]


@pytest.mark.parametrize(
    ("name", "bucket_block", "account_block", "status", "severity"),
    POLICY_CASES,
    ids=[c[0] for c in POLICY_CASES],
)
def test_public_bucket_policy_against_block_public_access(
    name: str, bucket_block: Any, account_block: Any, status: FindingStatus, severity: Severity | None
) -> None:
    props = {} if bucket_block is None else {"PublicAccessBlockConfiguration": bucket_block}
    found = run("s3_bucket_policy_not_public", bucket(**props), policy(PUBLIC_POLICY), account(account_block))
    assert found.status is status, found.message
    if severity is not None:
        assert found.severity is severity
    if severity is Severity.LOW:
        assert "latent, not public" in found.message and "RestrictPublicBuckets" in found.message
    if status is U:
        assert "unknown" in found.message and "RestrictPublicBuckets" in found.message


def test_restrict_public_buckets_does_not_touch_a_policy_that_is_not_public() -> None:
    found = run(
        "s3_bucket_policy_not_public",
        bucket(PublicAccessBlockConfiguration=dict.fromkeys(FLAGS, True)),
        policy(CROSS_ACCOUNT),
        account(None),
    )
    assert (found.status, found.severity) == (F, Severity.HIGH)
    assert "999988887777" in found.message and "latent" not in found.message


def test_restrict_public_buckets_also_stops_the_cross_account_part_of_a_public_policy() -> None:
    both = {"Statement": [READ, *CROSS_ACCOUNT["Statement"]]}
    found = run("s3_bucket_policy_not_public", bucket(), policy(both), account(RESTRICTED))
    assert (found.status, found.severity) == (F, Severity.LOW)
    assert "999988887777" in found.message and "latent" in found.message


ENFORCED = {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
GRANTS = {"Supplementary": {"PublicAclGrants": ["AllUsers:READ"]}}
ACL_CASES = [
    ("no block", GRANTS, None, F, Severity.CRITICAL),
    ("bucket ignores", {**GRANTS, "PublicAccessBlockConfiguration": IGNORED}, None, F, Severity.LOW),
    ("account ignores", GRANTS, IGNORED, F, Severity.LOW),
    ("acls disabled", {**GRANTS, "OwnershipControls": ENFORCED}, None, F, Severity.LOW),
    (
        "only BlockPublicAcls",
        {**GRANTS, "PublicAccessBlockConfiguration": {"BlockPublicAcls": True}},
        None,
        F,
        Severity.CRITICAL,
    ),
    (
        "object writer",
        {**GRANTS, "OwnershipControls": {"Rules": [{"ObjectOwnership": "ObjectWriter"}]}},
        None,
        F,
        Severity.CRITICAL,
    ),
    ("account unread", GRANTS, DENIED, U, None),
    ("ownership unread", {**GRANTS, "OwnershipControls": Unresolved("denied")}, None, U, None),
    (
        "ownership unread, account ignores",
        {**GRANTS, "OwnershipControls": Unresolved("denied")},
        IGNORED,
        F,
        Severity.LOW,
    ),
    ("acl unread, no block", {"Supplementary": {"PublicAclGrants": Unresolved("denied")}}, None, U, None),
    (
        "acl unread, acls disabled",
        {"Supplementary": {"PublicAclGrants": Unresolved("x")}, "OwnershipControls": ENFORCED},
        None,
        P,
        None,
    ),
    ("no grants, account unread", {"Supplementary": {"PublicAclGrants": []}}, DENIED, P, None),
]


@pytest.mark.parametrize(
    ("name", "props", "account_block", "status", "severity"), ACL_CASES, ids=[c[0] for c in ACL_CASES]
)
def test_public_acl_against_block_public_access_and_ownership(
    name: str, props: dict[str, Any], account_block: Any, status: FindingStatus, severity: Severity | None
) -> None:
    found = run("s3_bucket_acl_not_public", bucket(**props), account(account_block))
    assert found.status is status, found.message
    if severity is not None:
        assert found.severity is severity
    if severity is Severity.LOW:
        assert "latent, not public" in found.message


def test_a_live_bucket_whose_account_block_was_never_read_is_not_judged_public() -> None:
    found = run("s3_bucket_acl_not_public", bucket(**GRANTS))
    assert found.status is U and "account-level IgnorePublicAcls" in found.message


def test_latent_verdicts_ask_not_to_count_as_public_exposure() -> None:
    latent = verdict("s3_bucket_acl_not_public", bucket(**GRANTS), account(IGNORED))
    assert (latent.severity, latent.public_exposure) == (Severity.LOW, False)
    public = verdict("s3_bucket_acl_not_public", bucket(**GRANTS), account(None))
    assert public.public_exposure is None  # the rule's META.public_exposure applies


def test_a_latent_finding_is_not_public_exposure() -> None:
    assert run("s3_bucket_acl_not_public", bucket(**GRANTS), account(IGNORED)).public_exposure is False


BPA_CASES = [
    ("bucket all on", dict.fromkeys(FLAGS, True), None, P),
    ("account all on", None, dict.fromkeys(FLAGS, True), P),
    (
        "split across levels",
        {"BlockPublicAcls": True, "IgnorePublicAcls": True},
        {"BlockPublicPolicy": True, "RestrictPublicBuckets": True},
        P,
    ),
    ("one off at both", {"BlockPublicAcls": True}, dict.fromkeys(FLAGS[2:], True), F),
    ("account unread, bucket all on", dict.fromkeys(FLAGS, True), DENIED, P),
    ("account unread, bucket partial", {"BlockPublicAcls": True}, DENIED, U),
    ("none", None, None, F),
]


@pytest.mark.parametrize(
    ("name", "bucket_block", "account_block", "status"), BPA_CASES, ids=[c[0] for c in BPA_CASES]
)
def test_bucket_block_public_access_combines_levels_with_or(
    name: str, bucket_block: Any, account_block: Any, status: FindingStatus
) -> None:
    props = {} if bucket_block is None else {"PublicAccessBlockConfiguration": bucket_block}
    found = run("s3_bucket_public_access_block", bucket(**props), account(account_block))
    assert found.status is status, found.message


# --- the other services' policies: conditions are their blocking layer ----------------------------------------

SERVICE_CASES = [
    ("sns_topic_policy_not_public", "AWS::SNS::Topic", "AWS::SNS::TopicPolicy", "PolicyDocument"),
    ("sqs_queue_policy_not_public", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "PolicyDocument"),
    (
        "secret_policy_not_public",
        "AWS::SecretsManager::Secret",
        "AWS::SecretsManager::ResourcePolicy",
        "ResourcePolicy",
    ),
]


def service_policy_finding(rule: str, statement: dict[str, Any]) -> Any:
    doc = {"Statement": [statement]}
    if rule == "lambda_policy_not_public":
        return run(rule, res("AWS::Lambda::Function", {"Supplementary": {"ResourcePolicy": doc}}, "fn"))
    if rule == "ecr_repository_policy_not_public":
        return run(rule, res("AWS::ECR::Repository", {"RepositoryPolicyText": doc}, "repo"))
    if rule == "kms_key_policy_not_public":
        return run(rule, res("AWS::KMS::Key", {"KeyPolicy": doc}, "key"))
    _, rtype, ptype, key = next(c for c in SERVICE_CASES if c[0] == rule)
    return run(rule, res(rtype, {}, "x"), res(ptype, {key: doc}, "x"))


ALL_POLICY_RULES = [c[0] for c in SERVICE_CASES] + [
    "lambda_policy_not_public",
    "ecr_repository_policy_not_public",
    "kms_key_policy_not_public",
]


@pytest.mark.parametrize("rule", ALL_POLICY_RULES)
def test_service_policies_limited_by_source_conditions_are_not_public(rule: str) -> None:
    limited = anyone({"ArnLike": {"aws:SourceArn": f"arn:aws:events:eu-west-2:{ACCOUNT}:rule/r"}})
    assert service_policy_finding(rule, limited).status is P
    weak = anyone({"ArnLikeIfExists": {"aws:SourceArn": f"arn:aws:events:eu-west-2:{ACCOUNT}:rule/r"}})
    found = service_policy_finding(rule, weak)
    assert (found.status, found.severity) == (F, Severity.CRITICAL)
    anded = anyone(
        {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}, "StringEquals": {"aws:SourceAccount": ACCOUNT}}
    )
    assert service_policy_finding(rule, anded).status is P


# --- values known only at deploy time --------------------------------------------------------------------------

LATER = Unresolved("known after apply")


@pytest.mark.parametrize(
    ("deny", "status"),
    [
        (guard({"StringNotEquals": {"aws:SourceVpce": LATER}}), U),  # may pin once known
        ({**guard({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}), "Resource": LATER}, U),
        ({**guard({"Bool": {"aws:SecureTransport": "false"}}), "Resource": LATER}, F),  # can never pin
        (
            {
                **guard({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}),
                "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                "Resource": LATER,
            },
            F,
        ),
    ],
    ids=["condition", "resource", "transport-only", "one-principal"],
)
def test_a_deny_known_only_at_deploy_time_leaves_a_public_grant_undecided_only_if_it_could_limit_it(
    deny: dict[str, Any], status: FindingStatus
) -> None:
    found = run("s3_bucket_policy_not_public", bucket(), policy({"Statement": [READ, deny]}), account(None))
    assert found.status is status, found.message
