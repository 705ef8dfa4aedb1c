"""Collectors against moto: CloudFormation-shaped resources, and failures recorded as gaps."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from conftest import REGION
from wasp.collect.account import AccountCollector
from wasp.collect.api import ApiReader
from wasp.collect.base import Collector
from wasp.collect.clients import ClientFactory
from wasp.collect.cloudtrail import CloudTrailCollector
from wasp.collect.ec2 import Ec2Collector
from wasp.collect.iam import IamCollector
from wasp.collect.kms import KmsCollector
from wasp.collect.runner import collect, plan
from wasp.collect.s3 import S3Collector
from wasp.model import ACCOUNT_TYPE, Resource, Unresolved

ACCOUNT = "123456789012"


def _run(collector: Collector, clients: ClientFactory | None = None) -> tuple[list[Resource], ApiReader]:
    clients = clients or ClientFactory(boto3.session.Session(region_name=REGION))
    api = ApiReader(clients, ACCOUNT, REGION, collector.service, collector.resource_types, (REGION,))
    return list(collector.collect(api)), api


def _by(resources: list[Resource], rtype: str) -> dict[str, Resource]:
    return {r.id: r for r in resources if r.type == rtype}


@pytest.mark.usefixtures("aws")
def test_s3_collector_reads_buckets_in_scope_with_settings_and_policies() -> None:
    s3 = boto3.client("s3", region_name=REGION)
    for name in ("good", "bare"):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    boto3.client("s3", region_name="us-west-2").create_bucket(
        Bucket="elsewhere", CreateBucketConfiguration={"LocationConstraint": "us-west-2"}
    )
    s3.put_bucket_encryption(
        Bucket="good",
        ServerSideEncryptionConfiguration={
            "Rules": [
                {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "k"}}
            ]
        },
    )
    s3.put_public_access_block(
        Bucket="good",
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    s3.put_bucket_policy(
        Bucket="good",
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Deny",
                        "Principal": "*",
                        "Action": "s3:*",
                        "Resource": "arn:aws:s3:::good/*",
                        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                    }
                ],
            }
        ),
    )
    s3.put_bucket_tagging(
        Bucket="good", Tagging={"TagSet": [{"Key": "DataClassification", "Value": "confidential"}]}
    )
    resources, api = _run(S3Collector())
    buckets = _by(resources, "AWS::S3::Bucket")
    assert set(buckets) == {"good", "bare"}  # us-west-2 is out of scope
    good = buckets["good"].properties
    assert (
        good["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"][
            "SSEAlgorithm"
        ]
        == "aws:kms"
    )
    assert good["PublicAccessBlockConfiguration"]["RestrictPublicBuckets"] is True
    assert buckets["good"].tags == {"DataClassification": "confidential"}
    bare = buckets["bare"].properties
    assert bare["BucketEncryption"] is None and bare["PublicAccessBlockConfiguration"] is None
    policies = _by(resources, "AWS::S3::BucketPolicy")
    assert set(policies) == {"good"} and policies["good"].properties["Bucket"] == "good"
    assert buckets["good"].arn == "arn:aws:s3:::good" and buckets["good"].region == REGION
    assert api.gaps == []


@pytest.mark.usefixtures("aws")
def test_ec2_collector_flattens_security_group_rules_and_reads_instances() -> None:
    ec2 = boto3.client("ec2", region_name=REGION)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    sg = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
            }
        ],
    )
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
    inst = ec2.run_instances(
        ImageId="ami-12345678",
        MinCount=1,
        MaxCount=1,
        SubnetId=subnet,
        SecurityGroupIds=[sg],
        MetadataOptions={"HttpTokens": "required"},
    )["Instances"][0]["InstanceId"]
    vol = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=1, Encrypted=False)["VolumeId"]
    resources, api = _run(Ec2Collector())
    rules = _by(resources, "AWS::EC2::SecurityGroup")[sg].properties["SecurityGroupIngress"]
    assert {
        "IpProtocol": "tcp",
        "FromPort": 22,
        "ToPort": 22,
        "CidrIp": "0.0.0.0/0",
        "Description": "",
    } in rules
    assert any(r.get("CidrIpv6") == "::/0" for r in rules)
    instance = _by(resources, "AWS::EC2::Instance")[inst].properties
    assert instance["MetadataOptions"]["HttpTokens"] == "required"
    assert instance["SecurityGroupIds"] == [sg]
    volumes = _by(resources, "AWS::EC2::Volume")
    assert volumes[vol].properties["Encrypted"] is False and volumes[vol].properties["Size"] == 1
    account = _by(resources, ACCOUNT_TYPE)[ACCOUNT].properties
    assert account["Regions"][REGION]["EbsEncryptionByDefault"] is False
    # moto lacks the IMDS account defaults: a per-resource gap and an unknown value, nothing else
    assert [(g.operation, g.error) for g in api.gaps] == [
        ("get_instance_metadata_defaults", "not_implemented")
    ]
    assert isinstance(account["Regions"][REGION]["InstanceMetadataDefaults"]["HttpTokens"], Unresolved)


@pytest.mark.usefixtures("aws")
def test_iam_collector_uses_bulk_calls_and_the_credential_report() -> None:
    iam = boto3.client("iam", region_name=REGION)
    iam.create_user(UserName="alice")
    iam.create_login_profile(UserName="alice", Password="Not-A-Real-Secret-1!")
    key_id = iam.create_access_key(UserName="alice")["AccessKey"]["AccessKeyId"]
    iam.create_group(GroupName="admins")
    iam.add_user_to_group(GroupName="admins", UserName="alice")
    iam.put_group_policy(
        GroupName="admins",
        PolicyName="all",
        PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        ),
    )
    iam.create_policy(
        PolicyName="custom",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
            }
        ),
    )
    iam.create_role(RoleName="app", AssumeRolePolicyDocument="{}")
    clients = ClientFactory(boto3.session.Session(region_name=REGION))
    resources, api = _run(IamCollector(), clients)
    user = _by(resources, "AWS::IAM::User")["alice"].properties
    assert user["LoginProfile"] == {"Password": "***"}  # presence only, never the value
    assert user["Groups"] == ["admins"] and user["Supplementary"]["MfaActive"] is False
    group = _by(resources, "AWS::IAM::Group")["admins"].properties
    assert group["Policies"][0]["PolicyDocument"]["Statement"][0]["Action"] == "*"
    assert "custom" in _by(resources, "AWS::IAM::ManagedPolicy")
    assert "app" in _by(resources, "AWS::IAM::Role")
    key = _by(resources, "AWS::IAM::AccessKey")[f"alice/{key_id}"].properties  # the real id, not a slot
    assert key["Status"] == "Active" and key["Supplementary"]["CreateDate"] and key["AccessKeyId"] == key_id
    # bulk reads; the only per-user call is ListAccessKeys, for users the report shows with a key
    assert set(clients.calls) <= {
        "iam:GetAccountAuthorizationDetails",
        "iam:GenerateCredentialReport",
        "iam:GetCredentialReport",
        "iam:ListAccessKeys",
    }
    assert api.gaps == []


@pytest.mark.usefixtures("aws")
def test_account_cloudtrail_and_kms_collectors() -> None:
    boto3.client("iam", region_name=REGION).update_account_password_policy(MinimumPasswordLength=12)
    s3 = boto3.client("s3", region_name=REGION)
    # (a bucket named "logs" collides with CloudWatch Logs' host pattern in moto)
    s3.create_bucket(Bucket="trail-archive", CreateBucketConfiguration={"LocationConstraint": REGION})
    ct = boto3.client("cloudtrail", region_name=REGION)
    ct.create_trail(
        Name="all", S3BucketName="trail-archive", IsMultiRegionTrail=True, EnableLogFileValidation=True
    )
    ct.start_logging(Name="all")
    kms = boto3.client("kms", region_name=REGION)
    key = kms.create_key(Description="data")["KeyMetadata"]["KeyId"]
    kms.enable_key_rotation(KeyId=key)

    account = _run(AccountCollector())[0][0]
    assert account.properties["PasswordPolicy"]["MinimumPasswordLength"] == 12
    assert account.properties["RootUser"] == {"MfaEnabled": False, "AccessKeysPresent": False}
    trail = _run(CloudTrailCollector())[0][0].properties
    assert trail["IsMultiRegionTrail"] and trail["EnableLogFileValidation"] and trail["IsLogging"]
    key_props = _by(_run(KmsCollector())[0], "AWS::KMS::Key")[key].properties
    assert key_props["EnableKeyRotation"] is True
    assert key_props["KeyPolicy"]["Statement"]


class _StubbedFactory(ClientFactory):
    """Clients with botocore Stubbers attached: failures the emulator cannot produce on demand."""

    def __init__(self) -> None:
        super().__init__(boto3.session.Session(region_name=REGION))
        self.stubbers: dict[str, Stubber] = {}

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        made = super().client(service, region, operation)
        if service not in self.stubbers:
            self.stubbers[service] = Stubber(made)
            self.stubbers[service].activate()
        return made


@pytest.mark.parametrize(
    ("code", "status", "kind"),
    [
        ("AccessDenied", 403, "access_denied"),
        ("UnauthorizedOperation", 403, "access_denied"),
        ("OptInRequired", 403, "region_disabled"),
        ("Throttling", 400, "throttled"),
        ("InternalError", 500, "not_implemented"),
        ("SomethingOdd", 400, "api_error"),
    ],
)
def test_a_failed_listing_becomes_a_service_gap_not_a_crash(code: str, status: int, kind: str) -> None:
    factory = _StubbedFactory()
    factory.client("s3", REGION)
    factory.stubbers["s3"].add_client_error("list_buckets", service_error_code=code, http_status_code=status)
    inventory, _ = collect(plan([S3Collector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    assert not inventory.of_type("AWS::S3::Bucket")
    [gap] = [g for g in inventory.gaps if g.operation == "list_buckets"]
    assert (gap.service, gap.operation, gap.error) == ("s3", "list_buckets", kind)
    assert gap.blocks_service and "AWS::S3::Bucket" in gap.resource_types
    if kind == "access_denied":
        assert "s3:ListAllMyBuckets" in gap.message


def test_a_denied_detail_marks_only_that_value_unknown() -> None:
    factory = _StubbedFactory()
    factory.client("kms", REGION)
    stub = factory.stubbers["kms"]
    stub.add_response("list_keys", {"Keys": [{"KeyId": "k1", "KeyArn": "arn:aws:kms:eu-west-2:1:key/k1"}]})
    stub.add_response(
        "describe_key",
        {
            "KeyMetadata": {
                "KeyId": "k1",
                "Arn": "arn:aws:kms:eu-west-2:1:key/k1",
                "KeyManager": "CUSTOMER",
                "Enabled": True,
                "KeySpec": "SYMMETRIC_DEFAULT",
                "KeyState": "Enabled",
            }
        },
    )
    stub.add_client_error(
        "get_key_rotation_status", service_error_code="AccessDeniedException", http_status_code=400
    )
    stub.add_response("get_key_policy", {"Policy": '{"Statement": []}'})
    stub.add_response("list_resource_tags", {"Tags": []})
    resources, api = _run(KmsCollector(), factory)
    assert isinstance(resources[0].properties["EnableKeyRotation"], Unresolved)
    [gap] = api.gaps
    assert gap.error == "access_denied" and gap.resource_id == "k1" and not gap.blocks_service


class _Raising:
    """A client whose every call raises what moto raises in-process for a missing operation."""

    def __getattr__(self, name: str) -> Any:
        def call(**_: Any) -> Any:
            raise NotImplementedError(name)

        return call

    def get_paginator(self, name: str) -> Any:
        raise NotImplementedError(name)


class _RaisingFactory(ClientFactory):
    def __init__(self) -> None:
        super().__init__(boto3.session.Session(region_name=REGION))

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        return _Raising()


def test_not_implemented_in_the_emulator_is_a_gap() -> None:
    inventory, _ = collect(
        plan([CloudTrailCollector()], [ACCOUNT], (REGION,)), {ACCOUNT: _RaisingFactory()}, (REGION,)
    )
    [gap] = inventory.gaps
    assert gap.error == "not_implemented" and gap.operation == "describe_trails"


def test_an_unclassified_exception_is_a_collector_error_gap_and_surfaces_with_debug(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Broken(ClientFactory):
        def __init__(self) -> None:
            super().__init__(boto3.session.Session(region_name=REGION))

        def client(self, service: str, region: str, operation: str | None = None) -> Any:
            raise KeyError("bug")

    monkeypatch.delenv("WASP_DEBUG", raising=False)  # `main(["--debug", ...])` elsewhere sets it for good
    tasks = plan([CloudTrailCollector()], [ACCOUNT], (REGION,))
    inventory, _ = collect(tasks, {ACCOUNT: Broken()}, (REGION,))
    [gap] = inventory.gaps
    assert gap.error == "collector_error" and gap.blocks_service and "KeyError" in gap.message
    monkeypatch.setenv("WASP_DEBUG", "1")
    with pytest.raises(KeyError):
        collect(tasks, {ACCOUNT: Broken()}, (REGION,))


@pytest.mark.parametrize("service", ["sqs", "sns"])
def test_a_denied_attribute_read_leaves_the_policy_unknown_not_absent(service: str) -> None:
    from wasp.collect.sns import SnsCollector
    from wasp.collect.sqs import SqsCollector

    factory = _StubbedFactory()
    factory.client(service, REGION)
    stub = factory.stubbers[service]
    if service == "sqs":
        collector: Collector = SqsCollector()
        stub.add_response("list_queues", {"QueueUrls": [f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/q"]})
        stub.add_client_error("get_queue_attributes", service_error_code="AccessDenied", http_status_code=403)
        stub.add_response("list_queue_tags", {"Tags": {}})
        policy_type, document = "AWS::SQS::QueuePolicy", "PolicyDocument"
    else:
        collector = SnsCollector()
        stub.add_response("list_topics", {"Topics": [{"TopicArn": f"arn:aws:sns:{REGION}:{ACCOUNT}:t"}]})
        stub.add_client_error(
            "get_topic_attributes", service_error_code="AuthorizationError", http_status_code=403
        )
        stub.add_response("list_tags_for_resource", {"Tags": []})
        policy_type, document = "AWS::SNS::TopicPolicy", "PolicyDocument"
    resources, api = _run(collector, factory)
    [policy] = [r for r in resources if r.type == policy_type]
    assert isinstance(policy.properties[document], Unresolved)
    [gap] = api.gaps
    assert gap.resource_id and not gap.blocks_service and policy_type in gap.resource_types
