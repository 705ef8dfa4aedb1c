"""Small multi-account reviews built with the engine: each account with its own resources, one with a denied read.

Used by the organisation-report tests (per-account risk, the rollup, the reports and the diff).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from conftest import NOW, REGION
from wasp.catalogue import load_catalogue
from wasp.engine import run_review
from wasp.model import (
    ACCOUNT_TYPE,
    SUPPLEMENTARY,
    Gap,
    Inventory,
    Origin,
    OriginKind,
    Resource,
    Review,
    Workload,
)
from wasp.rules import load_rules

PROD, DEV, SANDBOX, DENIED = "111111111111", "222222222222", "333333333333", "444444444444"
ACCOUNTS = (PROD, DEV, SANDBOX, DENIED)
MANAGEMENT = "999999999999"
BUCKET = "AWS::S3::Bucket"
SG = "AWS::EC2::SecurityGroup"
WORLD_SSH = [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]
COLLECTED = (
    "AWS::EC2::Instance",
    "AWS::S3::BucketPolicy",
    "AWS::IAM::User",
    "AWS::CloudTrail::Trail",
    "AWS::IAM::Group",
    "AWS::IAM::ManagedPolicy",
    "AWS::IAM::Role",
    "AWS::IAM::AccessKey",
    "AWS::EC2::Volume",
    BUCKET,
    SG,
    ACCOUNT_TYPE,
)


def live(rtype: str, props: dict[str, Any], rid: str, account: str, region: str | None = REGION) -> Resource:
    """A live resource in one account."""
    return Resource(rtype, rid, props, Origin(OriginKind.LIVE, account, region))


def _account(account: str, mfa: bool = True) -> Resource:
    return live(
        ACCOUNT_TYPE,
        {
            "AccountId": account,
            "RootUser": {"MfaEnabled": mfa, "AccessKeysPresent": False},
            "Regions": {REGION: {"EbsEncryptionByDefault": True}},
        },
        account,
        account,
        None,
    )


def org_account(account: str, name: str, ou: str | None) -> Resource:
    """The organisation collector's record of a member account (read in the management account)."""
    extra = {"Status": "ACTIVE"} if ou is None else {"OuPath": ou, "Status": "ACTIVE"}
    return live(
        "AWS::Organizations::Account",
        {"AccountId": account, "AccountName": name, SUPPLEMENTARY: extra},
        account,
        MANAGEMENT,
        None,
    )


def estate(
    *,
    open_ssh: Iterable[str] = (PROD, DEV),
    no_mfa: Iterable[str] = (PROD,),
    unversioned: Iterable[str] = (PROD,),
    names: Sequence[tuple[str, str, str | None]] = (),
) -> Inventory:
    """Four accounts, each with a bucket and a security group; DENIED's bucket listing was denied."""
    inv = Inventory()
    ssh, mfa_off, unversioned_ = set(open_ssh), set(no_mfa), set(unversioned)
    for account in ACCOUNTS:
        inv.add(_account(account, mfa=account not in mfa_off))
        ingress = WORLD_SSH if account in ssh else []
        inv.add(
            live(SG, {"GroupId": f"sg-{account}", "SecurityGroupIngress": ingress}, f"sg-{account}", account)
        )
        if account != DENIED:
            status = "Suspended" if account in unversioned_ else "Enabled"
            props = {"BucketName": f"b-{account}", "VersioningConfiguration": {"Status": status}}
            inv.add(live(BUCKET, props, f"b-{account}", account))
    for account, name, ou in names:
        inv.add(org_account(account, name, ou))
    inv.mark_collected(*COLLECTED)
    inv.add_gap(Gap("s3", "list_buckets", "access_denied", "AccessDenied", DENIED, REGION, (BUCKET,)))
    return inv


def inventory_of(inv: Inventory, account: str) -> Inventory:
    """The part of an inventory in one account (with its collected types and gaps)."""
    out = Inventory()
    out.extend(r for r in inv if r.origin.account == account)
    out.mark_collected(*inv.collected_types)
    for gap in inv.gaps:
        if gap.account == account:
            out.add_gap(gap)
    return out


RULES = ("ec2_sg_no_world_ingress", "root_mfa_enabled", "s3_bucket_versioning")
"""SEC05-BP02 (open SSH: high risk), SEC01-BP02 and SEC02-BP01 (root MFA), SEC08-BP04 (versioning)."""


def org_review(inv: Inventory | None = None, accounts: Sequence[str] = ACCOUNTS, **kw: Any) -> Review:
    """A review of the estate with the engine (the rules in RULES, the shipped catalogue)."""
    wl = Workload(name="org", regions=(REGION,), accounts=tuple(accounts))
    rules = [r for r in load_rules() if r.id in RULES]
    return run_review(
        catalogue=load_catalogue(), rules=rules, inventory=inv or estate(), workload=wl, now=NOW, **kw
    )
