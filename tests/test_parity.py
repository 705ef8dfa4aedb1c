"""Same verdicts from every source: one set of resources built in moto, written in CloudFormation, written in
Terraform HCL, and planned by Terraform (the committed plan JSON), evaluated with the same IaC rules.

Every rule that applies to IaC is either exercised here on all four sources, or listed in NOT_COMPARED with the
reason it cannot be (the emulator lacks the service, or the fact exists only in a live account).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import REGION
from corpus import compared_rules, explained_rules
from wasp.collect.clients import ClientFactory
from wasp.collect.registry import select_collectors
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.iac.enrich import enrich
from wasp.iac.scan import ScanOptions, Source, SourceKind, read_source
from wasp.model import Inventory, Resource
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

FIXTURES = Path(__file__).parent / "fixtures" / "parity"
ACCOUNT = "123456789012"
IAC_RULES = [r for r in load_rules() if r.meta.iac]
NOW = datetime(2026, 11, 28, tzinfo=UTC)
NAME_KEYS = (
    "BucketName",
    "GroupName",
    "TrailName",
    "DBInstanceIdentifier",
    "QueueName",
    "TopicName",
    "RoleName",
    "UserName",
    "RepositoryName",
    "LaunchTemplateName",
    "Family",
    "FunctionName",
    "DBClusterIdentifier",
    "TableName",
    "DomainName",
    "Name",
)
COMPARED = {
    "cloudtrail_kms_encrypted",
    "cloudtrail_log_bucket_protected",
    "cloudtrail_log_file_validation",
    "ebs_volume_encrypted",
    "ec2_sg_no_world_ingress",
    "ecr_image_scanning",
    "efs_classified",
    "efs_encrypted",
    "iam_role_no_admin",
    "iam_role_no_broad_access",
    "iam_role_trust_restricted",
    "iam_user_no_admin",
    "iam_user_no_broad_access",
    "iam_user_no_console_password",
    "kms_key_rotation_enabled",
    "rds_instance_classified",
    "rds_not_publicly_accessible",
    "rds_storage_encrypted",
    "s3_bucket_acl_not_public",
    "s3_bucket_classified",
    "s3_bucket_default_encryption",
    "s3_bucket_policy_not_public",
    "s3_bucket_public_access_block",
    "s3_bucket_secure_transport",
    "sns_topic_encrypted",
    "sqs_queue_encrypted",
}
IAC_COMPARED = {
    "elb_listener_tls",
    "ec2_instance_no_public_ip",
    "waf_on_cloudfront",
    "cloudfront_https_only",
    "apigw_domain_tls12",
    "dynamodb_table_classified",
    "ec2_instance_profile_attached",
    "ec2_launch_template_imdsv2",
    "ec2_no_ssh_key_pair",
    "ecr_repository_policy_not_public",
    "ecs_no_secrets_in_env",
    "iam_boundary_on_iam_managers",
    "kms_key_policy_not_public",
    "lambda_no_secrets_in_env",
    "launch_template_no_secrets",
    "rds_cluster_encrypted",
    "secret_policy_not_public",
    "sns_topic_policy_not_public",
    "sqs_queue_policy_not_public",
}
"""Compared across CloudFormation, Terraform HCL and plan JSON only: moto cannot build these faithfully
(instances, launch templates, task definitions, Lambda, Aurora, resource policies on secrets and ECR)."""
NOT_COMPARED = {
    # Account-wide settings: no single resource in a template.
    "cloudtrail_multi_region_logging": "account-wide (every region), not one template resource",
    "cloudtrail_s3_data_events": "account-wide",
    "config_recording_all": "account-wide",
    "guardduty_enabled": "account-wide",
    "securityhub_fsbp_enabled": "account-wide",
    # Facts only a live account has (Supplementary.* from other APIs), so IaC answers unknown by design.
    "rds_tls_enforced": "needs the parameter group's rds.force_ssl (another API); IaC gives unknown",
    "secrets_rotation_enabled": "rotation state comes from the live secret",
    "waf_on_api_stage": "WAF association is read from WAFv2, not the stage",
    "waf_on_internet_facing_alb": "WAF association is read from WAFv2, not the load balancer",
    "nacl_not_allow_all": "entries come from the live NACL (CloudFormation keeps them as separate resources)",
    "network_firewall_logged_and_protected": "logging configuration is another API; moto lacks Network Firewall",
    "vpc_endpoints_for_core_services": "needs the default-VPC flag, only live",
    "vpc_flow_logs_enabled": "needs the default-VPC flag, only live",
    "vpc_public_and_private_subnets": "needs route tables, only live",
    "lambda_policy_not_public": "the function policy is read live (AWS::Lambda::Permission is not folded)",
    "cfn_no_secrets_in_stacks": "a deployed stack's parameters; covered by tests/test_scan.py on templates",
    # Not expressible the same way in every source.
    "dynamodb_cmk_for_sensitive": "needs a KMS key ARN, known only after apply in IaC",
    "ec2_imdsv2_required": "AWS::EC2::Instance has no MetadataOptions in CloudFormation (launch templates do)",
    "ec2_no_secrets_in_user_data": "the AWS provider keeps only a hash of user_data in plan JSON",
    "kms_key_policy_separation": "needs the key manager, only live",
    "rds_cmk_for_sensitive": "needs a KMS key ARN, known only after apply in IaC",
    "s3_bucket_cmk_for_sensitive": "needs a KMS key ARN, known only after apply in IaC",
}


def parity_name(resource: Resource) -> str:
    """The name the fixture gives a resource in every source (a name property, else the Name tag)."""
    props = resource.properties
    if resource.type == "AWS::ElasticLoadBalancingV2::Listener":
        return f"iac-listener-{props.get('Port')}"
    comment = (props.get("DistributionConfig") or {}).get("Comment")
    if isinstance(comment, str):
        return comment
    for key in NAME_KEYS:
        if isinstance(props.get(key), str):
            return str(props[key])
    for tag in props.get("Tags") or props.get("FileSystemTags") or []:
        if isinstance(tag, dict) and tag.get("Key") == "Name":
            return str(tag["Value"])
    return str(props.get("Description") or resource.id)  # KMS keys: the live read has no tags


def _verdicts(
    inventory: Inventory, ctx: RuleContext, require_collected: bool, compared: set[str] = COMPARED
) -> dict[tuple[str, str], Any]:
    rules = [r for r in IAC_RULES if r.id in compared]
    ev = evaluate(rules, inventory, ctx, observed_at=NOW, require_collected=require_collected)
    by_key = {(r.type, r.id): r for r in inventory}
    out = {}
    for f in ev.findings:
        resource = by_key[(f.resource.type, f.resource.id)]
        name = parity_name(resource)
        if name.startswith(("parity-", "iac-")):
            out[(f.rule, name)] = (f.status.value, dict(f.evidence))
    return out


def _iac(kind: SourceKind, path: Path, compared: set[str] = COMPARED) -> dict[tuple[str, str], Any]:
    loaded = read_source(Source(kind, path), ScanOptions())
    assert loaded.errors == []
    inventory = Inventory()
    inventory.extend(enrich(r) for r in loaded.resources)
    return _verdicts(inventory, RuleContext(inventory=inventory, now=NOW), False, compared)


def _build_in_moto() -> None:
    """The same resources as template.yaml, made through the AWS APIs."""
    s3 = boto3.client("s3", region_name=REGION)
    where = {"CreateBucketConfiguration": {"LocationConstraint": REGION}}
    s3.create_bucket(Bucket="parity-good", **where)
    s3.put_bucket_encryption(
        Bucket="parity-good",
        ServerSideEncryptionConfiguration={
            "Rules": [
                {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}, "BucketKeyEnabled": True}
            ]
        },
    )
    s3.put_public_access_block(
        Bucket="parity-good",
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "BlockPublicPolicy": True,
            "IgnorePublicAcls": True,
            "RestrictPublicBuckets": True,
        },
    )
    tls_only = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "TlsOnly",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": ["arn:aws:s3:::parity-good", "arn:aws:s3:::parity-good/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }
        ],
    }
    s3.put_bucket_policy(Bucket="parity-good", Policy=json.dumps(tls_only))
    s3.create_bucket(Bucket="parity-open", ACL="public-read", **where)
    anyone = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Anyone",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::parity-open/*",
            }
        ],
    }
    s3.put_bucket_policy(Bucket="parity-open", Policy=json.dumps(anyone))
    ec2 = boto3.client("ec2", region_name=REGION)
    ssh = ec2.create_security_group(GroupName="parity-ssh", Description="ssh from anywhere")["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=ssh,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        ],
    )
    internal = ec2.create_security_group(GroupName="parity-internal", Description="https from the VPC")[
        "GroupId"
    ]
    ec2.authorize_security_group_ingress(
        GroupId=internal,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}
        ],
    )
    for name, encrypted in (("parity-plain", False), ("parity-sealed", True)):
        ec2.create_volume(
            AvailabilityZone=f"{REGION}a",
            Size=8,
            Encrypted=encrypted,
            TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": name}]}],
        )
    kms = boto3.client("kms", region_name=REGION)
    for name, rotate in (("parity-rotating", True), ("parity-static", False)):
        key = kms.create_key(Description=name, Tags=[{"TagKey": "Name", "TagValue": name}])["KeyMetadata"][
            "KeyId"
        ]
        if rotate:
            kms.enable_key_rotation(KeyId=key)
    trail = boto3.client("cloudtrail", region_name=REGION)
    trail.create_trail(
        Name="parity-trail", S3BucketName="parity-good", IsMultiRegionTrail=True, EnableLogFileValidation=True
    )
    trail.start_logging(Name="parity-trail")
    boto3.client("rds", region_name=REGION).create_db_instance(
        DBInstanceIdentifier="parity-db",
        Engine="postgres",
        DBInstanceClass="db.t3.micro",
        AllocatedStorage=20,
        StorageEncrypted=False,
        PubliclyAccessible=True,
        MasterUsername="app",
        ManageMasterUserPassword=True,
    )
    boto3.client("sqs", region_name=REGION).create_queue(
        QueueName="parity-sealed", Attributes={"KmsMasterKeyId": "alias/aws/sqs"}
    )
    sns = boto3.client("sns", region_name=REGION)
    sns.create_topic(Name="parity-sealed", Attributes={"KmsMasterKeyId": "alias/aws/sns"})
    sns.create_topic(Name="parity-plain")
    iam = boto3.client("iam", region_name=REGION)
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ],
    }
    for name, policy in (("parity-admin", "AdministratorAccess"), ("parity-reader", "ReadOnlyAccess")):
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))
        iam.attach_role_policy(RoleName=name, PolicyArn=f"arn:aws:iam::aws:policy/{policy}")
    iam.create_user(UserName="parity-console")
    iam.create_login_profile(
        UserName="parity-console", Password="Correct-Horse-9!", PasswordResetRequired=True
    )
    ecr = boto3.client("ecr", region_name=REGION)
    for name, scan in (("parity-scanned", True), ("parity-unscanned", False)):
        ecr.create_repository(repositoryName=name, imageScanningConfiguration={"scanOnPush": scan})
    efs = boto3.client("efs", region_name=REGION)
    for name, encrypted in (("parity-sealed", True), ("parity-plain", False)):
        efs.create_file_system(CreationToken=name, Encrypted=encrypted, Tags=[{"Key": "Name", "Value": name}])


@pytest.fixture(scope="module")
def sources() -> Iterator[dict[str, dict[tuple[str, str], Any]]]:
    """Verdicts and evidence from moto, CloudFormation, Terraform HCL and the Terraform plan."""
    from moto import mock_aws

    with pytest.MonkeyPatch.context() as env, mock_aws():
        env.setenv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
        _build_in_moto()
        collectors = select_collectors(
            ["iam", "s3", "ec2", "kms", "cloudtrail", "rds", "sqs", "sns", "ecr", "efs"]
        )
        factory = ClientFactory(boto3.session.Session(region_name=REGION))
        inventory, _ = collect(plan(collectors, [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
        scope = WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,))
        live = _verdicts(inventory, RuleContext(inventory=inventory, workload=scope, now=NOW), True)
    yield {
        "moto": live,
        "cloudformation": _iac(SourceKind.CLOUDFORMATION, FIXTURES / "template.yaml"),
        "terraform": _iac(SourceKind.TERRAFORM, FIXTURES / "terraform"),
        "plan": _iac(SourceKind.PLAN, FIXTURES / "terraform" / "plan.json"),
    }


def test_every_iac_rule_is_compared_or_its_absence_explained() -> None:
    """Compared here, or through labelled cases in both languages in the corpus (tests/corpus.py), or labelled in
    one language there with the reason the other cannot express it."""
    ids = {r.id for r in IAC_RULES}
    here = COMPARED | IAC_COMPARED | set(NOT_COMPARED)
    listed = here | compared_rules() | explained_rules()
    assert listed == ids, sorted(ids ^ listed)
    assert len(COMPARED) + len(IAC_COMPARED) + len(NOT_COMPARED) == len(here)  # no rule listed twice


def test_every_source_sees_every_resource(sources: dict[str, dict[tuple[str, str], Any]]) -> None:
    keys = {name: set(found) for name, found in sources.items()}
    assert keys["moto"] == keys["cloudformation"] == keys["terraform"] == keys["plan"]
    assert {rule for rule, _ in keys["moto"]} == COMPARED  # each compared rule decided something


def test_same_verdicts_from_every_source(sources: dict[str, dict[tuple[str, str], Any]]) -> None:
    differ = {
        key: {name: found[key][0] for name, found in sources.items()}
        for key in sources["moto"]
        if len({found[key][0] for found in sources.values()}) != 1
    }
    assert differ == {}
    statuses = {v[0] for v in sources["moto"].values()}
    assert statuses == {"pass", "fail"}  # the fixture has both outcomes


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, v in enumerate(value):
            yield from _leaves(v, f"{path}[{i}]")
    elif value not in (None, "", [], {}):
        yield path, json.dumps(value, sort_keys=True, default=str)


SOURCE_ONLY = ("Password", "Supplementary.", "GroupId", "admin_grants")
"""Evidence that differs by nature: a redacted secret, live-only facts, identifiers AWS assigns."""


def test_same_properties_where_both_sources_state_them(
    sources: dict[str, dict[tuple[str, str], Any]],
) -> None:
    mismatches = []
    for key in sources["moto"]:
        leaves = {name: dict(_leaves(found[key][1])) for name, found in sources.items()}
        for path in sorted(set().union(*leaves.values())):
            if any(marker in path for marker in SOURCE_ONLY):
                continue
            stated = {name: got[path] for name, got in leaves.items() if path in got}
            if len(stated) >= 2 and len(set(stated.values())) != 1:
                mismatches.append((key, path, stated))
    assert mismatches == []


@pytest.fixture(scope="module")
def iac_sources() -> dict[str, dict[tuple[str, str], Any]]:
    """Verdicts and evidence from the IaC-only fixture, read three ways."""
    base = Path(__file__).parent / "fixtures" / "parity-iac"
    return {
        "cloudformation": _iac(SourceKind.CLOUDFORMATION, base / "template.yaml", IAC_COMPARED),
        "terraform": _iac(SourceKind.TERRAFORM, base / "terraform", IAC_COMPARED),
        "plan": _iac(SourceKind.PLAN, base / "terraform" / "plan.json", IAC_COMPARED),
    }


def test_iac_sources_agree_on_what_moto_cannot_build(
    iac_sources: dict[str, dict[tuple[str, str], Any]],
) -> None:
    keys = {name: set(found) for name, found in iac_sources.items()}
    assert keys["cloudformation"] == keys["terraform"] == keys["plan"]
    assert {rule for rule, _ in keys["plan"]} == IAC_COMPARED
    verdicts = {name: {k: v[0] for k, v in found.items()} for name, found in iac_sources.items()}
    assert verdicts["cloudformation"] == verdicts["terraform"] == verdicts["plan"]
    assert {v for v in verdicts["plan"].values()} == {"pass", "fail"}
    for key in iac_sources["plan"]:
        leaves = {name: dict(_leaves(found[key][1])) for name, found in iac_sources.items()}
        for path in set().union(*leaves.values()):
            stated = {got[path] for got in leaves.values() if path in got}
            assert len(stated) == 1 or any(m in path for m in SOURCE_ONLY), (key, path, stated)
