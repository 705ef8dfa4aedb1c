"""More controls end to end against moto: one good and one bad setup each, through collector and rule."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import boto3
import pytest

from conftest import REGION
from test_live_controls import ACCOUNT, F, P, U, _c, verdicts
from wasp.collect.account import AccountCollector

W = {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}
PRIVATE = {
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
            "Action": "*",
            "Resource": "*",
        }
    ]
}


def c(service: str) -> Any:
    return boto3.client(service, region_name=REGION)


def _bucket(name: str) -> None:
    c("s3").create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})


Setup = Callable[[], None]


def _s3_policies() -> None:
    _bucket("good-b")
    _bucket("bad-b")
    c("s3").put_bucket_policy(
        Bucket="bad-b",
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": "arn:aws:s3:::bad-b/*",
                    }
                ],
            }
        ),
    )
    c("s3").put_bucket_policy(
        Bucket="good-b",
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                        "Action": "s3:GetObject",
                        "Resource": "arn:aws:s3:::good-b/*",
                    }
                ],
            }
        ),
    )


def _s3_acl() -> None:
    _bucket("good-b")
    _bucket("bad-b")
    c("s3").put_bucket_acl(Bucket="bad-b", ACL="public-read")


def _s3_cmk() -> None:
    key = c("kms").create_key()["KeyMetadata"]["Arn"]
    for name, enc in (
        ("good-b", {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}),
        ("bad-b", {"SSEAlgorithm": "AES256"}),
    ):
        _bucket(name)
        c("s3").put_bucket_encryption(
            Bucket=name,
            ServerSideEncryptionConfiguration={"Rules": [{"ApplyServerSideEncryptionByDefault": enc}]},
        )
        c("s3").put_bucket_tagging(
            Bucket=name, Tagging={"TagSet": [{"Key": "DataClassification", "Value": "restricted"}]}
        )


def _kms_policy() -> None:
    good = c("kms").create_key(Description="good")["KeyMetadata"]["KeyId"]
    bad = c("kms").create_key(Description="bad")["KeyMetadata"]["KeyId"]
    c("kms").put_key_policy(
        KeyId=bad,
        PolicyName="default",
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:role/app"},
                        "Action": "kms:*",
                        "Resource": "*",
                    }
                ],
            }
        ),
    )
    _ids["good"], _ids["bad"] = good, bad


def _kms_rotation() -> None:
    _ids["good"] = c("kms").create_key()["KeyMetadata"]["KeyId"]
    c("kms").enable_key_rotation(KeyId=_ids["good"])
    _ids["bad"] = c("kms").create_key()["KeyMetadata"]["KeyId"]


def _sqs_sns_secret_policy() -> None:
    sqs = c("sqs")
    for name, pol in (("good-q", PRIVATE), ("bad-q", W)):
        url = sqs.create_queue(QueueName=name)["QueueUrl"]
        sqs.set_queue_attributes(
            QueueUrl=url, Attributes={"Policy": json.dumps({"Version": "2012-10-17", **pol})}
        )


def _sns_policy() -> None:
    for name, pol in (("good-t", PRIVATE), ("bad-t", W)):
        arn = c("sns").create_topic(Name=name)["TopicArn"]
        c("sns").set_topic_attributes(
            TopicArn=arn, AttributeName="Policy", AttributeValue=json.dumps({"Version": "2012-10-17", **pol})
        )


def _secret_policy() -> None:
    for name, pol in (("good-s", PRIVATE), ("bad-s", W)):
        arn = c("secretsmanager").create_secret(Name=name, SecretString="x")["ARN"]
        c("secretsmanager").put_resource_policy(
            SecretId=arn, ResourcePolicy=json.dumps({"Version": "2012-10-17", **pol})
        )


def _user_data() -> None:
    ec2 = c("ec2")
    for key, data in (
        ("good", "#!/bin/bash\necho hello\n"),
        ("bad", "#!/bin/bash\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"),
    ):
        _ids[key] = ec2.run_instances(
            ImageId="ami-12345678",
            MinCount=1,
            MaxCount=1,
            UserData=data,
            MetadataOptions={"HttpTokens": "required"},
        )["Instances"][0]["InstanceId"]


def _launch_templates() -> None:
    ec2 = c("ec2")
    for key, tokens in (("good", "required"), ("bad", "optional")):
        _ids[key] = ec2.create_launch_template(
            LaunchTemplateName=f"lt-{key}",
            LaunchTemplateData={
                "MetadataOptions": {"HttpTokens": tokens},
                "UserData": base64.b64encode(b"#!/bin/sh\n").decode(),
            },
        )["LaunchTemplate"]["LaunchTemplateId"]


def _instances_profile_and_keys() -> None:
    iam = c("iam")
    iam.create_role(RoleName="app", AssumeRolePolicyDocument="{}")
    iam.create_instance_profile(InstanceProfileName="app")
    iam.add_role_to_instance_profile(InstanceProfileName="app", RoleName="app")
    ec2 = c("ec2")
    ec2.create_key_pair(KeyName="ops")
    _ids["good"] = ec2.run_instances(
        ImageId="ami-12345678",
        MinCount=1,
        MaxCount=1,
        IamInstanceProfile={"Name": "app"},
        MetadataOptions={"HttpTokens": "required"},
    )["Instances"][0]["InstanceId"]
    _ids["bad"] = ec2.run_instances(ImageId="ami-12345678", MinCount=1, MaxCount=1, KeyName="ops")[
        "Instances"
    ][0]["InstanceId"]


def _iam_users() -> None:
    iam = c("iam")
    iam.create_user(UserName="good")
    iam.create_user(UserName="bad")
    iam.create_login_profile(UserName="bad", Password="Not-A-Real-Secret-7!")
    iam.create_access_key(UserName="bad")
    iam.create_access_key(UserName="bad")
    _ids["good"], _ids["bad"] = "good", "bad"


def _iam_boundary() -> None:
    iam = c("iam")
    pol = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*"}],
        }
    )
    boundary = iam.create_policy(PolicyName="boundary", PolicyDocument=pol)["Policy"]["Arn"]
    iam.create_role(RoleName="good", AssumeRolePolicyDocument="{}", PermissionsBoundary=boundary)
    iam.create_role(RoleName="bad", AssumeRolePolicyDocument="{}")
    for role in ("good", "bad"):
        iam.put_role_policy(RoleName=role, PolicyName="iam", PolicyDocument=pol)
    _ids["good"], _ids["bad"] = "good", "bad"


def _ecs() -> None:
    for family, env in (
        ("good", [{"name": "STAGE", "value": "prod"}]),
        ("bad", [{"name": "DB_PASSWORD", "value": "pR7#kL9$mQ2@vX5!"}]),
    ):
        c("ecs").register_task_definition(
            family=family,
            containerDefinitions=[{"name": "app", "image": "x", "memory": 128, "environment": env}],
        )
    _ids["good"], _ids["bad"] = "good", "bad"


def _cloudfront() -> None:
    def dist(ref: str, policy: str) -> str:
        cfg = {
            "CallerReference": ref,
            "Comment": "",
            "Enabled": True,
            "Origins": {
                "Quantity": 1,
                "Items": [
                    {
                        "Id": "o",
                        "DomainName": "example.s3.amazonaws.com",
                        "S3OriginConfig": {"OriginAccessIdentity": ""},
                    }
                ],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "o",
                "ViewerProtocolPolicy": policy,
                "MinTTL": 0,
                "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
            },
        }
        return str(
            boto3.client("cloudfront", region_name="us-east-1").create_distribution(DistributionConfig=cfg)[
                "Distribution"
            ]["Id"]
        )

    _ids["good"], _ids["bad"] = dist("g", "redirect-to-https"), dist("b", "allow-all")


def _nacl() -> None:
    ec2 = c("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.9.1.0/24")["Subnet"]["SubnetId"]
    nacl = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    ec2.create_network_acl_entry(
        NetworkAclId=nacl,
        RuleNumber=100,
        Protocol="-1",
        RuleAction="allow",
        Egress=False,
        CidrBlock="0.0.0.0/0",
    )
    assoc = next(
        a
        for n in ec2.describe_network_acls()["NetworkAcls"]
        for a in n.get("Associations", [])
        if a["SubnetId"] == subnet
    )
    ec2.replace_network_acl_association(AssociationId=assoc["NetworkAclAssociationId"], NetworkAclId=nacl)
    _ids["bad"] = nacl


def _apigw() -> None:
    apigw = c("apigateway")
    apigw.create_domain_name(
        domainName="good.example.com",
        securityPolicy="TLS_1_2",
        regionalCertificateArn="arn:aws:acm:eu-west-2:1:certificate/x",
    )
    apigw.create_domain_name(
        domainName="bad.example.com",
        securityPolicy="TLS_1_0",
        regionalCertificateArn="arn:aws:acm:eu-west-2:1:certificate/y",
    )
    _ids["good"], _ids["bad"] = "good.example.com", "bad.example.com"


def _firewall() -> None:
    ec2 = c("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.8.0.0/16")["Vpc"]["VpcId"]
    sub = ec2.create_subnet(VpcId=vpc, CidrBlock="10.8.1.0/24")["Subnet"]["SubnetId"]
    nf = c("network-firewall")
    for name in ("good", "bad"):
        nf.create_firewall(
            FirewallName=name,
            FirewallPolicyArn=f"arn:aws:network-firewall:{REGION}:{ACCOUNT}:firewall-policy/p",
            VpcId=vpc,
            SubnetMappings=[{"SubnetId": sub}],
            DeleteProtection=name == "good",
        )
    nf.update_logging_configuration(
        FirewallName="good",
        LoggingConfiguration={
            "LogDestinationConfigs": [
                {"LogType": "ALERT", "LogDestinationType": "S3", "LogDestination": {"bucketName": "fw-logs"}}
            ]
        },
    )


_ids: dict[str, str] = {}

CASES: list[tuple[str, list[str], str, Setup, dict[str, Any]]] = [
    ("s3 policy public", ["s3"], "s3_bucket_policy_not_public", _s3_policies, {"good-b": P, "bad-b": F}),
    ("s3 acl public", ["s3"], "s3_bucket_acl_not_public", _s3_acl, {"good-b": P, "bad-b": F}),
    (
        "s3 cmk for restricted",
        ["s3", "kms"],
        "s3_bucket_cmk_for_sensitive",
        _s3_cmk,
        {"good-b": P, "bad-b": F},
    ),
    ("s3 classification", ["s3"], "s3_bucket_classified", _s3_cmk, {"good-b": P, "bad-b": P}),
    ("kms key policy separation", ["kms"], "kms_key_policy_separation", _kms_policy, {"good": P, "bad": F}),
    ("kms rotation", ["kms"], "kms_key_rotation_enabled", _kms_rotation, {"good": P, "bad": F}),
    ("sqs policy", ["sqs"], "sqs_queue_policy_not_public", _sqs_sns_secret_policy, {"good-q": P, "bad-q": F}),
    ("sns policy", ["sns"], "sns_topic_policy_not_public", _sns_policy, {"good-t": P, "bad-t": F}),
    (
        "secret policy",
        ["secretsmanager"],
        "secret_policy_not_public",
        _secret_policy,
        {"good-s": P, "bad-s": F},
    ),
    ("user data secrets", ["ec2"], "ec2_no_secrets_in_user_data", _user_data, {"good": P, "bad": F}),
    (
        "launch template imdsv2",
        ["ec2"],
        "ec2_launch_template_imdsv2",
        _launch_templates,
        {"good": P, "bad": F},
    ),
    (
        "instance profile",
        ["ec2"],
        "ec2_instance_profile_attached",
        _instances_profile_and_keys,
        {"good": P, "bad": F},
    ),
    ("no ssh key pair", ["ec2"], "ec2_no_ssh_key_pair", _instances_profile_and_keys, {"good": P, "bad": F}),
    ("console mfa", ["iam"], "iam_user_console_mfa", _iam_users, {"bad": F}),
    (
        "console password for people",
        ["iam"],
        "iam_user_no_console_password",
        _iam_users,
        {"good": P, "bad": F},
    ),
    ("one active key", ["iam"], "iam_user_one_active_key", _iam_users, {"good": P, "bad": F}),
    ("permission boundary", ["iam"], "iam_boundary_on_iam_managers", _iam_boundary, {"good": P, "bad": F}),
    ("ecs secrets", ["ecs"], "ecs_no_secrets_in_env", _ecs, {"good": P, "bad": F}),
    ("cloudfront https", ["cloudfront"], "cloudfront_https_only", _cloudfront, {"good": P, "bad": F}),
    ("cloudfront waf", ["cloudfront", "waf"], "waf_on_cloudfront", _cloudfront, {"good": F, "bad": F}),
    ("nacl allow all", ["vpc"], "nacl_not_allow_all", _nacl, {"bad": F}),
    (
        "network firewall",
        ["networkfirewall"],
        "network_firewall_logged_and_protected",
        _firewall,
        {"good": P, "bad": F},
    ),
    ("api gateway tls", ["apigateway"], "apigw_domain_tls12", _apigw, {"good": P, "bad": F}),
]


@pytest.mark.usefixtures("aws")
@pytest.mark.parametrize(
    ("name", "collectors", "rule", "setup", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_control(name: str, collectors: list[str], rule: str, setup: Setup, expected: dict[str, Any]) -> None:
    _ids.clear()
    setup()
    got = verdicts([_c(n) for n in collectors], rule)
    got = {next((k for k, v in _ids.items() if v == rid), rid): status for rid, status in got.items()}
    for key, status in expected.items():
        assert got.get(key) is status, (key, got)


@pytest.mark.usefixtures("aws")
def test_account_controls_security_contact_and_iam_alerting() -> None:
    assert verdicts([AccountCollector(), _c("contacts")], "account_security_contact")[ACCOUNT] is F
    c("account").put_alternate_contact(
        AlternateContactType="SECURITY",
        Name="Sec",
        Title="Security",
        EmailAddress="security@example.com",
        PhoneNumber="+440000000000",
    )
    assert verdicts([AccountCollector(), _c("contacts")], "account_security_contact")[ACCOUNT] is P
    assert verdicts([AccountCollector(), _c("alerting")], "iam_change_alerting")[ACCOUNT] is F
    topic = c("sns").create_topic(Name="alerts")["TopicArn"]
    c("events").put_rule(Name="iam", EventPattern=json.dumps({"source": ["aws.iam"]}), State="ENABLED")
    c("events").put_targets(Rule="iam", Targets=[{"Id": "sns", "Arn": topic}])
    assert verdicts([AccountCollector(), _c("alerting")], "iam_change_alerting")[ACCOUNT] is P
    assert (
        verdicts([AccountCollector(), _c("ec2"), _c("imagebuilder")], "imagebuilder_pipeline_present") == {}
    )
    assert U  # unknown is covered by the SSM and Security Hub tests
