"""Seed an emulated organisation (moto) for tests and bench/org_scale.py: OUs, member accounts, SCPs, resources.

Uses only boto3 against whatever endpoint the environment names (``AWS_ENDPOINT_URL`` for a moto server, or
an in-process ``mock_aws``); moto lets the management account assume a role in any member account.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import boto3

from wasp.model.org import SESSION_NAME

DENY_LEAVE = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}],
}


@dataclass(frozen=True)
class SeededOrg:
    """What :func:`seed_org` made."""

    management: str
    members: tuple[str, ...]
    ous: dict[str, str]
    """OU name -> id."""


def seed_org(
    session: boto3.session.Session,
    members: int,
    region: str,
    role_name: str,
    *,
    network: bool = True,
    workers: int = 1,
) -> SeededOrg:
    """An organisation with OUs prod, dev (and prod/payments) and ``members`` accounts spread over them.

    Each member gets a tag (environment), a bucket (every other one without a public access block) and, with
    ``network``, a VPC with a security group open to the world on SSH; an SCP denying LeaveOrganization is
    attached to prod. Members are seeded on ``workers`` threads (a moto server answers them in parallel).
    """
    org = session.client("organizations", region_name=region)
    org.create_organization(FeatureSet="ALL")
    management = org.describe_organization()["Organization"]["MasterAccountId"]
    root = org.list_roots()["Roots"][0]["Id"]
    ous = {
        "prod": org.create_organizational_unit(ParentId=root, Name="prod")["OrganizationalUnit"]["Id"],
        "dev": org.create_organizational_unit(ParentId=root, Name="dev")["OrganizationalUnit"]["Id"],
    }
    ous["payments"] = org.create_organizational_unit(ParentId=ous["prod"], Name="payments")[
        "OrganizationalUnit"
    ]["Id"]
    scp = org.create_policy(
        Content=json.dumps(DENY_LEAVE),
        Description="guardrail",
        Name="deny-leave",
        Type="SERVICE_CONTROL_POLICY",
    )["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=scp, TargetId=ous["prod"])
    order = ("prod", "dev", "payments")
    made: list[str] = []
    for n in range(members):
        ou = order[n % len(order)]
        status = org.create_account(Email=f"member{n}@example.com", AccountName=f"member-{n:04d}")
        account = status["CreateAccountStatus"]["AccountId"]
        org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=ous[ou])
        env = "production" if ou != "dev" else "development"
        org.tag_resource(ResourceId=account, Tags=[{"Key": "environment", "Value": env}])
        made.append(account)

    sts = session.client("sts", region_name=region)  # made once: creating clients is not thread-safe

    def seed(n: int) -> None:
        member = _member_session(sts, made[n], role_name, region)
        _seed_member(member, made[n], region, n, network)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(seed, range(members)))
    return SeededOrg(management, tuple(sorted(made)), ous)


def _member_session(sts: Any, account: str, role_name: str, region: str) -> boto3.session.Session:
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{role_name}", RoleSessionName=SESSION_NAME)[
        "Credentials"
    ]
    return boto3.session.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
        region_name=region,
    )


def _seed_member(member: boto3.session.Session, account: str, region: str, n: int, network: bool) -> None:
    s3 = member.client("s3", region_name=region)
    args: dict[str, Any] = {"Bucket": f"data-{account}"}
    if region != "us-east-1":
        args["CreateBucketConfiguration"] = {"LocationConstraint": region}
    s3.create_bucket(**args)
    if n % 2:
        s3.put_public_access_block(
            Bucket=f"data-{account}",
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True,
            },
        )
    if not network:
        return
    ec2 = member.client("ec2", region_name=region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    sg = ec2.create_security_group(GroupName="ssh", Description="ssh", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        ],
    )


def seed_org_services(session: boto3.session.Session, region: str, management: str) -> None:
    """The management account administers the security services (emulated) with a mix of settings.

    GuardDuty has a detector (moto cannot answer its organisation configuration: unknown), Security Hub
    auto-enables new members with the default standards, Inspector auto-enables EC2 and ECR but not Lambda, and
    an organisation Config aggregator gathers all regions.
    """
    session.client("guardduty", region_name=region).create_detector(Enable=True)
    hub = session.client("securityhub", region_name=region)
    hub.enable_security_hub(EnableDefaultStandards=False)
    hub.enable_organization_admin_account(AdminAccountId=management)
    hub.update_organization_configuration(AutoEnable=True, AutoEnableStandards="DEFAULT")
    session.client("inspector2", region_name=region).update_organization_configuration(
        autoEnable={"ec2": True, "ecr": True, "lambda": False}
    )
    session.client("config", region_name=region).put_configuration_aggregator(
        ConfigurationAggregatorName="org",
        OrganizationAggregationSource={
            "RoleArn": f"arn:aws:iam::{management}:role/config-aggregator",
            "AllAwsRegions": True,
        },
    )
