"""Split ``aws_*`` resources folded back into the CloudFormation resource they belong to.

Terraform splits what CloudFormation keeps on one resource (``aws_s3_bucket_versioning``,
``aws_security_group_rule``, ``aws_iam_role_policy_attachment``...). Each :class:`Fold` names the attribute that
links the child to its parent and how the child's values merge in. Policies that CloudFormation also keeps apart
(``AWS::S3::BucketPolicy``, ``AWS::SQS::QueuePolicy``) become that separate resource instead, linked the way the
rules look it up.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from wasp.iac.terraform.mappings.network import ingress_entries
from wasp.iac.terraform.mappings.storage import canned, sse
from wasp.iac.terraform.shapes import Props, Values, block, document, items, pick


@dataclass(frozen=True)
class Fold:
    """A split resource: the attribute naming its parent, the parent types, and how it merges in."""

    link: str
    parents: tuple[str, ...]
    merge: Callable[[Props, Values], None] | None = None
    """Change the parent's properties in place."""
    separate: tuple[str, Callable[[Props, Values], Props]] | None = None
    """Or become a CloudFormation resource of its own: (type, parent props + child values -> props)."""
    many: bool = False
    """The link is a list naming several parents (``aws_iam_policy_attachment``'s ``roles``): merge into each."""


def _append(key: str, make: Callable[[Values], list[Any]]) -> Callable[[Props, Values], None]:
    def merge(props: Props, v: Values) -> None:
        props[key] = [*items(props.get(key)), *make(v)]

    return merge


def _set(key: str, make: Callable[[Values], Any]) -> Callable[[Props, Values], None]:
    def merge(props: Props, v: Values) -> None:
        props[key] = make(v)

    return merge


def _sg_rule(v: Values) -> list[Props]:
    if v.get("type") != "ingress":
        return []
    return ingress_entries(v, v4="cidr_blocks", v6="ipv6_cidr_blocks")


def _sg_ingress_rule(v: Values) -> list[Props]:
    return ingress_entries(v, v4="cidr_ipv4", v6="cidr_ipv6", proto="ip_protocol")


def _pab(v: Values) -> Props:
    return pick(
        v,
        {
            "block_public_acls": "BlockPublicAcls",
            "block_public_policy": "BlockPublicPolicy",
            "ignore_public_acls": "IgnorePublicAcls",
            "restrict_public_buckets": "RestrictPublicBuckets",
        },
    )


def _bucket_sse(props: Props, v: Values) -> None:
    sse(props, v)


def _login_profile(v: Values) -> Props:
    return {"PasswordResetRequired": v.get("password_reset_required", True)}


def _named(value: Any) -> list[Any]:
    """A group name (or a value known only after apply) as an entry of a user's ``Groups``."""
    return [value] if value is not None else []


def _inline(v: Values) -> list[Props]:
    return [{"PolicyName": v.get("name"), "PolicyDocument": document(v.get("policy"))}]


FOLDS: dict[str, Fold] = {
    "aws_s3_bucket_server_side_encryption_configuration": Fold("bucket", ("aws_s3_bucket",), _bucket_sse),
    "aws_s3_bucket_public_access_block": Fold(
        "bucket", ("aws_s3_bucket",), _set("PublicAccessBlockConfiguration", _pab)
    ),
    "aws_s3_bucket_versioning": Fold(
        "bucket",
        ("aws_s3_bucket",),
        _set(
            "VersioningConfiguration",
            lambda v: {"Status": block(v.get("versioning_configuration")).get("status")},
        ),
    ),
    "aws_s3_bucket_logging": Fold(
        "bucket",
        ("aws_s3_bucket",),
        _set(
            "LoggingConfiguration",
            lambda v: pick(v, {"target_bucket": "DestinationBucketName", "target_prefix": "LogFilePrefix"}),
        ),
    ),
    "aws_s3_bucket_ownership_controls": Fold(
        "bucket",
        ("aws_s3_bucket",),
        _set(
            "OwnershipControls",
            lambda v: {"Rules": [{"ObjectOwnership": block(v.get("rule")).get("object_ownership")}]},
        ),
    ),
    "aws_s3_bucket_acl": Fold(
        "bucket", ("aws_s3_bucket",), _set("AccessControl", lambda v: canned(v.get("acl")))
    ),
    "aws_s3_bucket_policy": Fold(
        "bucket",
        ("aws_s3_bucket",),
        separate=(
            "AWS::S3::BucketPolicy",
            lambda p, v: {"Bucket": p["__key__"], "PolicyDocument": document(v.get("policy"))},
        ),
    ),
    "aws_security_group_rule": Fold(
        "security_group_id", ("aws_security_group",), _append("SecurityGroupIngress", _sg_rule)
    ),
    "aws_vpc_security_group_ingress_rule": Fold(
        "security_group_id", ("aws_security_group",), _append("SecurityGroupIngress", _sg_ingress_rule)
    ),
    "aws_iam_role_policy_attachment": Fold(
        "role", ("aws_iam_role",), _append("ManagedPolicyArns", lambda v: [v.get("policy_arn")])
    ),
    "aws_iam_role_policy": Fold("role", ("aws_iam_role",), _append("Policies", _inline)),
    "aws_iam_user_policy_attachment": Fold(
        "user", ("aws_iam_user",), _append("ManagedPolicyArns", lambda v: [v.get("policy_arn")])
    ),
    "aws_iam_user_policy": Fold("user", ("aws_iam_user",), _append("Policies", _inline)),
    "aws_iam_user_login_profile": Fold("user", ("aws_iam_user",), _set("LoginProfile", _login_profile)),
    "aws_iam_group_policy_attachment": Fold(
        "group", ("aws_iam_group",), _append("ManagedPolicyArns", lambda v: [v.get("policy_arn")])
    ),
    "aws_iam_group_policy": Fold("group", ("aws_iam_group",), _append("Policies", _inline)),
    "aws_iam_user_group_membership": Fold(
        "user", ("aws_iam_user",), _append("Groups", lambda v: items(v.get("groups")))
    ),
    "aws_kms_key_policy": Fold(
        "key_id", ("aws_kms_key",), _set("KeyPolicy", lambda v: document(v.get("policy")))
    ),
    "aws_ecr_repository_policy": Fold(
        "repository",
        ("aws_ecr_repository",),
        _set("RepositoryPolicyText", lambda v: document(v.get("policy"))),
    ),
    "aws_sqs_queue_policy": Fold(
        "queue_url",
        ("aws_sqs_queue",),
        separate=(
            "AWS::SQS::QueuePolicy",
            lambda p, v: {"Queues": [p["__key__"]], "PolicyDocument": document(v.get("policy"))},
        ),
    ),
    "aws_sns_topic_policy": Fold(
        "arn",
        ("aws_sns_topic",),
        separate=(
            "AWS::SNS::TopicPolicy",
            lambda p, v: {"Topics": [p["__key__"]], "PolicyDocument": document(v.get("policy"))},
        ),
    ),
    "aws_secretsmanager_secret_policy": Fold(
        "secret_arn",
        ("aws_secretsmanager_secret",),
        separate=(
            "AWS::SecretsManager::ResourcePolicy",
            lambda p, v: {"SecretId": p["__key__"], "ResourcePolicy": document(v.get("policy"))},
        ),
    ),
}
"""Split resources folded into (or placed beside) the resource they belong to."""


_ATTACH = _append("ManagedPolicyArns", lambda v: [v.get("policy_arn")])
MULTI_FOLDS: dict[str, tuple[Fold, ...]] = {
    "aws_iam_policy_attachment": (
        Fold("roles", ("aws_iam_role",), _ATTACH, many=True),
        Fold("users", ("aws_iam_user",), _ATTACH, many=True),
        Fold("groups", ("aws_iam_group",), _ATTACH, many=True),
    ),
    "aws_iam_group_membership": (
        Fold("users", ("aws_iam_user",), _append("Groups", lambda v: _named(v.get("group"))), many=True),
    ),
}
"""Split resources that attach to several parents at once (a policy to many roles, many users to a group)."""


@cache
def _area_folds() -> dict[str, tuple[Fold, ...]]:
    """Folds declared beside the mappings: each :mod:`wasp.iac.terraform.mappings` module may have ``FOLDS``
    (Terraform type -> a Fold or a tuple of them), so an area's split resources live with its mappings."""
    from wasp.iac.terraform import mappings

    found: dict[str, tuple[Fold, ...]] = {}
    for info in sorted(pkgutil.iter_modules(mappings.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{mappings.__name__}.{info.name}")
        for tf_type, entry in getattr(module, "FOLDS", {}).items():
            more = entry if isinstance(entry, tuple) else (entry,)
            found[tf_type] = (*found.get(tf_type, ()), *more)
    return found


@cache
def _area_folds_of(tf_type: str) -> tuple[Fold, ...]:
    """The folds the mapping modules declare for one type: from the modules the shipped index names for it
    (in name order, as :func:`_area_folds` merges them), or from every module when the index is stale."""
    from wasp.iac.terraform import mappings
    from wasp.iac.terraform.mapping_index import trusted_index

    index = trusted_index()
    if index is None:
        return _area_folds().get(tf_type, ())
    found: list[Fold] = []
    for name in index[1].get(tf_type, ()):
        entry = importlib.import_module(f"{mappings.__name__}.{name}").FOLDS[tf_type]
        found += entry if isinstance(entry, tuple) else (entry,)
    return tuple(found)


def folds_for(tf_type: str) -> tuple[Fold, ...]:
    """Every fold a Terraform type takes part in (none for a type that is not split)."""
    single = FOLDS.get(tf_type)
    here = (single,) if single is not None else MULTI_FOLDS.get(tf_type, ())
    return (*here, *_area_folds_of(tf_type))
