"""S3 buckets (and their policies) in the in-scope regions."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import ACCOUNT_TYPE, SUPPLEMENTARY, Resource

BUCKET = "AWS::S3::Bucket"
BUCKET_WORKERS = 8
POLICY = "AWS::S3::BucketPolicy"


_PUBLIC_GROUPS = {
    "http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers",
}


def _public_grants(acl: dict[str, Any]) -> list[str]:
    """'AllUsers:READ'-style labels for ACL grants to everyone or to any AWS account."""
    out: list[str] = []
    for grant in acl.get("Grants", []):
        who = _PUBLIC_GROUPS.get(str((grant.get("Grantee") or {}).get("URI", "")))
        if who:
            out.append(f"{who}:{grant.get('Permission')}")
    return out


def _object_writer() -> dict[str, Any]:
    """What a bucket that never set Object Ownership has: ACLs in force."""
    return {"Rules": [{"ObjectOwnership": "ObjectWriter"}]}


def _versioning(got: dict[str, Any]) -> dict[str, Any]:
    """GetBucketVersioning as CloudFormation's VersioningConfiguration (no Status: never enabled)."""
    return {"Status": got.get("Status") or "Disabled", "MfaDelete": got.get("MFADelete") or "Disabled"}


def _logging(got: dict[str, Any]) -> dict[str, Any] | None:
    """GetBucketLogging as LoggingConfiguration; None when access logging is off."""
    enabled = got.get("LoggingEnabled")
    if not enabled:
        return None
    return {
        "DestinationBucketName": enabled.get("TargetBucket"),
        "LogFilePrefix": enabled.get("TargetPrefix", ""),
    }


def _lifecycle(got: dict[str, Any]) -> dict[str, Any]:
    """GetBucketLifecycleConfiguration as LifecycleConfiguration (rule ids and statuses)."""
    return {"Rules": [{"Id": r.get("ID"), "Status": r.get("Status")} for r in got.get("Rules", [])]}


class S3Collector(Collector):
    """Buckets with encryption, public access block, ACL grants (and Object Ownership when a grant may be public),
    object lock, tags; policies; the account-level public access block.

    Only what a rule reads is fetched (each S3 setting is one call per bucket, and S3 has no bulk read).
    """

    name = "s3"
    service = "s3"
    cost = 10  # ten reads per bucket
    resource_types = (BUCKET, POLICY, ACCOUNT_TYPE)
    permissions = (
        "s3:ListAllMyBuckets",
        "s3:GetEncryptionConfiguration",
        "s3:GetBucketPublicAccessBlock",
        "s3:GetBucketPolicy",
        "s3:GetBucketTagging",
        "s3:GetBucketObjectLockConfiguration",
        "s3:GetBucketAcl",
        "s3:GetBucketOwnershipControls",
        "s3:GetBucketVersioning",
        "s3:GetBucketLogging",
        "s3:GetLifecycleConfiguration",
        "s3:GetAccountPublicAccessBlock",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """The region's buckets (ListBuckets filtered by BucketRegion, so no per-bucket location call),
        their settings read on a small thread pool; the account's public access block once, in the first region."""
        if api.region == api.scope_regions[0]:
            try:
                got = api.call(
                    "get_public_access_block",
                    service="s3control",
                    AccountId=api.account,
                    absent=("NoSuchPublicAccessBlockConfiguration",),
                    resource_id=api.account,
                    affects=(ACCOUNT_TYPE,),
                )
                account_block: Any = (got or {}).get("PublicAccessBlockConfiguration")
            except CallFailed as failed:
                account_block = failed.unresolved
            yield Resource(
                type=ACCOUNT_TYPE,
                id=api.account,
                origin=live(api, None),
                properties={"PublicAccessBlock": account_block},
            )
        names = [
            b["Name"]
            for b in api.pages("list_buckets", "Buckets", BucketRegion=api.region, affects=(BUCKET, POLICY))
        ]
        with ThreadPoolExecutor(max_workers=BUCKET_WORKERS, thread_name_prefix="wasp-s3") as pool:
            for resources in pool.map(lambda name: list(self._bucket(api, name, api.region)), names):
                yield from resources

    def _bucket(self, api: ApiReader, name: str, region: str) -> Iterator[Resource]:
        def detail(
            op: str,
            absent: tuple[str, ...],
            pick: Callable[[dict[str, Any]], Any],
            affects: tuple[str, ...] = (BUCKET,),
        ) -> Any:
            """One per-bucket read; its gap names the bucket (``affects``: the bucket, or its policy)."""
            try:
                result = api.call(
                    op, Bucket=name, region=region, absent=absent, resource_id=name, affects=affects
                )
            except CallFailed as failed:
                return failed.unresolved
            return None if result is None else pick(result)

        props: dict[str, Any] = {"BucketName": name}
        props["BucketEncryption"] = detail(
            "get_bucket_encryption",
            ("ServerSideEncryptionConfigurationNotFoundError",),
            lambda r: {
                "ServerSideEncryptionConfiguration": [
                    {
                        "ServerSideEncryptionByDefault": rule.get("ApplyServerSideEncryptionByDefault", {}),
                        "BucketKeyEnabled": rule.get("BucketKeyEnabled", False),
                    }
                    for rule in r.get("ServerSideEncryptionConfiguration", {}).get("Rules", [])
                ]
            },
        )
        props["PublicAccessBlockConfiguration"] = detail(
            "get_public_access_block",
            ("NoSuchPublicAccessBlockConfiguration",),
            lambda r: r.get("PublicAccessBlockConfiguration"),
        )
        props["Tags"] = detail("get_bucket_tagging", ("NoSuchTagSet",), lambda r: tags_from(r.get("TagSet")))
        lock = detail(
            "get_object_lock_configuration",
            ("ObjectLockConfigurationNotFoundError",),
            lambda r: r.get("ObjectLockConfiguration"),
        )
        grants = detail("get_bucket_acl", (), _public_grants)
        props[SUPPLEMENTARY] = {"PublicAclGrants": grants}
        ownership = detail(
            "get_bucket_ownership_controls",
            ("OwnershipControlsNotFoundError",),
            lambda r: r.get("OwnershipControls"),
        )
        # a bucket that never set Object Ownership (created before April 2023) keeps ACLs: ObjectWriter
        props["OwnershipControls"] = ownership if ownership is not None else _object_writer()
        props["VersioningConfiguration"] = detail("get_bucket_versioning", (), _versioning)
        props["LoggingConfiguration"] = detail("get_bucket_logging", (), _logging)
        props["LifecycleConfiguration"] = detail(
            "get_bucket_lifecycle_configuration", ("NoSuchLifecycleConfiguration",), _lifecycle
        )
        props["ObjectLockEnabled"] = (
            lock if not isinstance(lock, dict) else lock.get("ObjectLockEnabled") == "Enabled"
        )
        if isinstance(lock, dict) and lock.get("Rule"):
            props["ObjectLockConfiguration"] = lock
        arn = f"arn:aws:s3:::{name}"
        yield Resource(type=BUCKET, id=name, arn=arn, origin=live(api, region), properties=props)

        policy = detail("get_bucket_policy", ("NoSuchBucketPolicy",), lambda r: r.get("Policy"), (POLICY,))
        if policy is not None:
            document = json.loads(policy) if isinstance(policy, str) else policy
            yield Resource(
                type=POLICY,
                id=name,
                arn=arn,
                origin=live(api, region),
                properties={"Bucket": name, "PolicyDocument": document},
            )
