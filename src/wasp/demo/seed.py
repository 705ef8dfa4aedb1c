"""Seed an emulated AWS account with a small payments API: deliberately part good, part bad.

Everything here goes through boto3, as a real deployment would, except one thing the API cannot
do: backdating an access key, which is set on the emulator's own record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3

from wasp.extras import require

REGION = "eu-west-2"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"

_DENY_HTTP = {
    "Effect": "Deny",
    "Principal": "*",
    "Action": "s3:*",
    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
}


@dataclass(frozen=True)
class Seeded:
    """What the seed created, for tests and the demo's narration."""

    account: str
    region: str
    buckets: tuple[str, ...]
    instances: dict[str, str]
    security_groups: dict[str, str]


def _bucket(
    s3: Any, name: str, *, encrypt: str | None, block: bool, tls_policy: bool, tags: dict[str, str]
) -> None:
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    if encrypt:
        default: dict[str, str] = {"SSEAlgorithm": "aws:kms" if encrypt.startswith("arn:") else encrypt}
        if encrypt.startswith("arn:"):
            default["KMSMasterKeyID"] = encrypt
        s3.put_bucket_encryption(
            Bucket=name,
            ServerSideEncryptionConfiguration={"Rules": [{"ApplyServerSideEncryptionByDefault": default}]},
        )
    if block:
        s3.put_public_access_block(
            Bucket=name,
            PublicAccessBlockConfiguration=dict.fromkeys(
                ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
            ),
        )
    if tls_policy:
        stmt = {**_DENY_HTTP, "Resource": [f"arn:aws:s3:::{name}", f"arn:aws:s3:::{name}/*"]}
        s3.put_bucket_policy(Bucket=name, Policy=json.dumps({"Version": "2012-10-17", "Statement": [stmt]}))
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in tags.items()]})


def _iam(iam: Any) -> None:
    iam.update_account_password_policy(MinimumPasswordLength=8, RequireNumbers=True)
    assume_ec2 = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
            ],
        }
    )
    assume_account = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                    "Action": "sts:AssumeRole",
                    "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
                }
            ],
        }
    )
    app_policy = iam.create_policy(
        PolicyName="payments-app-access",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["s3:GetObject", "s3:PutObject"],
                        "Resource": "arn:aws:s3:::payments-receipts-123456789012/*",
                    },
                    {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*"},
                ],
            }
        ),
    )["Policy"]["Arn"]
    iam.create_role(RoleName="payments-app", AssumeRolePolicyDocument=assume_ec2)
    iam.attach_role_policy(RoleName="payments-app", PolicyArn=app_policy)
    iam.create_instance_profile(InstanceProfileName="payments-app")
    iam.add_role_to_instance_profile(InstanceProfileName="payments-app", RoleName="payments-app")
    iam.create_role(RoleName="ops-admin", AssumeRolePolicyDocument=assume_account)
    iam.attach_role_policy(RoleName="ops-admin", PolicyArn=ADMIN)
    iam.create_role(RoleName="BreakGlassRole", AssumeRolePolicyDocument=assume_account)
    iam.attach_role_policy(RoleName="BreakGlassRole", PolicyArn=ADMIN)

    iam.create_group(GroupName="platform-admins")
    iam.put_group_policy(
        GroupName="platform-admins",
        PolicyName="everything",
        PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        ),
    )
    iam.create_user(UserName="alice")  # a person with a console password, no MFA, admin via group
    iam.create_login_profile(UserName="alice", Password="Demo-Only-Not-A-Secret-1!")
    iam.add_user_to_group(GroupName="platform-admins", UserName="alice")
    iam.create_user(UserName="ci-deployer")  # a machine user with a long-lived key
    iam.create_access_key(UserName="ci-deployer")
    iam.create_user(UserName="reporting")
    iam.create_access_key(UserName="reporting")


def _backdate_key(account: str, user: str, days: int) -> None:
    """The API cannot backdate keys; set the emulator's record so the demo shows a stale key."""
    iam_backends = require("demo", "moto.iam.models").iam_backends
    backend = iam_backends[account]["global"]
    for key in backend.users[user].access_keys:
        key.create_date = datetime.now() - timedelta(days=days)


def _network(ec2: Any, account: str) -> tuple[dict[str, str], dict[str, str], str]:
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    private = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24", AvailabilityZone=f"{REGION}a")["Subnet"][
        "SubnetId"
    ]
    public = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.101.0/24", AvailabilityZone=f"{REGION}a")[
        "Subnet"
    ]["SubnetId"]
    ec2.modify_subnet_attribute(SubnetId=public, MapPublicIpOnLaunch={"Value": True})
    public_b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.102.0/24", AvailabilityZone=f"{REGION}b")[
        "Subnet"
    ]["SubnetId"]
    routes = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=routes, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    for subnet in (public, public_b):
        ec2.associate_route_table(RouteTableId=routes, SubnetId=subnet)
    fresh_ami = _image(ec2, account, "payments-api-2026", 20)
    old_ami = _image(ec2, account, "legacy-bastion-2024", 400)

    def sg(name: str, rules: list[dict[str, Any]]) -> str:
        gid = str(ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"])
        if rules:
            ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=rules)
        return gid

    world = [{"CidrIp": "0.0.0.0/0"}]
    groups = {
        "alb": sg("payments-alb", [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": world}])
    }
    groups["app"] = sg(
        "payments-app",
        [
            {
                "IpProtocol": "tcp",
                "FromPort": 8080,
                "ToPort": 8080,
                "UserIdGroupPairs": [{"GroupId": groups["alb"]}],
            }
        ],
    )
    groups["bastion"] = sg(
        "legacy-bastion", [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": world}]
    )
    groups["db"] = sg(
        "payments-db", [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": world}]
    )

    app = ec2.run_instances(
        ImageId=fresh_ami,
        MinCount=1,
        MaxCount=1,
        InstanceType="t3.small",
        SubnetId=private,
        SecurityGroupIds=[groups["app"]],
        IamInstanceProfile={"Name": "payments-app"},
        MetadataOptions={"HttpTokens": "required", "HttpEndpoint": "enabled"},
        TagSpecifications=[
            {"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "payments-api-1"}]}
        ],
    )["Instances"][0]["InstanceId"]
    ec2.create_key_pair(KeyName="ops-legacy")
    bastion = ec2.run_instances(
        ImageId=old_ami,
        KeyName="ops-legacy",
        MinCount=1,
        MaxCount=1,
        InstanceType="t3.micro",
        SubnetId=public,
        SecurityGroupIds=[groups["bastion"]],
        MetadataOptions={"HttpTokens": "optional"},
        TagSpecifications=[
            {"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "legacy-bastion"}]}
        ],
    )["Instances"][0]["InstanceId"]
    ec2.create_volume(
        AvailabilityZone=f"{REGION}a",
        Size=50,
        Encrypted=True,
        TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": "payments-data"}]}],
    )
    ec2.create_volume(
        AvailabilityZone=f"{REGION}a",
        Size=20,
        Encrypted=False,
        TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": "legacy-scratch"}]}],
    )
    return {"payments-api-1": app, "legacy-bastion": bastion}, groups, vpc


def _organization(session: boto3.session.Session) -> None:
    """An organisation with environment accounts and one guardrail (deny leaving), but not the others."""
    org = session.client("organizations", region_name=REGION)
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    workloads = org.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
    security = org.create_organizational_unit(ParentId=root, Name="Security")["OrganizationalUnit"]["Id"]
    for name, ou in (("payments-prod", workloads), ("payments-dev", workloads), ("log-archive", security)):
        acct = org.create_account(Email=f"{name}@example.com", AccountName=name)["CreateAccountStatus"][
            "AccountId"
        ]
        org.move_account(AccountId=acct, SourceParentId=root, DestinationParentId=ou)
    policy = org.create_policy(
        Name="deny-leave-organization",
        Type="SERVICE_CONTROL_POLICY",
        Description="guardrail",
        Content=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}
                ],
            }
        ),
    )["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=policy, TargetId=root)


def _image(ec2: Any, account: str, name: str, age_days: int) -> str:
    """An AMI registered in the emulator, backdated on its own record (the API cannot)."""
    ec2_backends = require("demo", "moto.ec2.models").ec2_backends
    image_id = str(ec2.register_image(Name=name, RootDeviceName="/dev/xvda")["ImageId"])
    backend = ec2_backends[account][REGION]
    backend.amis[image_id].creation_date = datetime.now(UTC) - timedelta(days=age_days)
    return image_id


def _application(session: boto3.session.Session, account: str, groups: dict[str, str], vpc: str) -> None:
    """Delivery and application services: ECR, pipeline, Lambda, queues, topic, secret, ALB, detection."""
    session.client("ecr", region_name=REGION).create_repository(
        repositoryName="payments-api", imageScanningConfiguration={"scanOnPush": False}
    )
    session.client("codebuild", region_name=REGION).create_project(
        name="payments-api-build",
        source={"type": "S3", "location": f"payments-receipts-{account}/source.zip"},
        artifacts={"type": "S3", "location": f"payments-receipts-{account}"},
        serviceRole=f"arn:aws:iam::{account}:role/payments-app",
        environment={
            "type": "LINUX_CONTAINER",
            "image": "aws/codebuild/standard:7.0",
            "computeType": "BUILD_GENERAL1_SMALL",
        },
    )
    lam = session.client("lambda", region_name=REGION)
    lam.create_function(
        FunctionName="payments-webhook",
        Runtime="python3.12",
        Handler="app.handler",
        Role=f"arn:aws:iam::{account}:role/payments-app",
        Code={"ZipFile": b"def handler(e, c):\n    return 200\n"},
        Environment={
            "Variables": {"STAGE": "prod", "STRIPE_API_KEY": "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"}
        },
    )
    sm = session.client("secretsmanager", region_name=REGION)
    sm.create_secret(Name="payments/db", SecretString="Demo-Only-Not-A-Secret-2")
    # card-payment events are confidential, but the queue is on SQS-managed keys: sqs_queue_cmk_for_sensitive fails
    session.client("sqs", region_name=REGION).create_queue(
        QueueName="payments-events",
        Attributes={"SqsManagedSseEnabled": "true"},
        tags={"DataClassification": "confidential", "workload": "payments"},
    )
    session.client("sns", region_name=REGION).create_topic(Name="payments-alerts")
    ec2 = session.client("ec2", region_name=REGION)
    subnets = [
        s["SubnetId"] for s in ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"]
    ]
    elb = session.client("elbv2", region_name=REGION)
    alb = elb.create_load_balancer(
        Name="payments-alb",
        Subnets=subnets,
        SecurityGroups=[groups["alb"]],
        Scheme="internet-facing",
        Type="application",
    )["LoadBalancers"][0]["LoadBalancerArn"]
    tg = elb.create_target_group(Name="payments-api", Protocol="HTTP", Port=8080, VpcId=vpc)["TargetGroups"][
        0
    ]["TargetGroupArn"]
    elb.create_listener(
        LoadBalancerArn=alb,
        Protocol="HTTP",
        Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}],
    )
    session.client("guardduty", region_name=REGION).create_detector(Enable=True)
    events = session.client("events", region_name=REGION)
    events.put_rule(Name="iam-changes", EventPattern=json.dumps({"source": ["aws.iam"]}), State="ENABLED")
    topic = session.client("sns", region_name=REGION).create_topic(Name="security-alerts")["TopicArn"]
    events.put_targets(Rule="iam-changes", Targets=[{"Id": "sns", "Arn": topic}])
    ec2.create_flow_logs(
        ResourceIds=[vpc],
        ResourceType="VPC",
        TrafficType="ALL",
        LogDestinationType="s3",
        LogDestination=f"arn:aws:s3:::payments-audit-logs-{account}",
    )


def seed_payments_account(session: boto3.session.Session) -> Seeded:
    """Create the demo workload in the emulated account behind ``session``."""
    account = str(session.client("sts", region_name=REGION).get_caller_identity()["Account"])
    kms = session.client("kms", region_name=REGION)
    data_key = kms.create_key(Description="payments data key")["KeyMetadata"]["Arn"]
    kms.enable_key_rotation(KeyId=data_key)
    kms.create_key(Description="legacy reporting key")  # rotation left off

    s3 = session.client("s3", region_name=REGION)
    receipts = f"payments-receipts-{account}"
    assets = f"payments-static-assets-{account}"
    trail_bucket = f"payments-audit-logs-{account}"
    _bucket(
        s3,
        receipts,
        encrypt=data_key,
        block=True,
        tls_policy=True,
        tags={"DataClassification": "confidential", "workload": "payments"},
    )
    _bucket(
        s3,
        assets,
        encrypt=None,
        block=False,
        tls_policy=False,
        tags={"DataClassification": "public", "workload": "payments"},
    )
    _bucket(
        s3,
        trail_bucket,
        encrypt="AES256",
        block=True,
        tls_policy=True,
        tags={"DataClassification": "restricted", "workload": "payments"},
    )

    _iam(session.client("iam", region_name=REGION))
    _backdate_key(account, "ci-deployer", 200)
    _backdate_key(account, "reporting", 120)

    instances, groups, vpc = _network(session.client("ec2", region_name=REGION), account)
    _organization(session)
    _application(session, account, groups, vpc)

    trail = session.client("cloudtrail", region_name=REGION)
    trail.create_trail(
        Name="payments-trail",
        S3BucketName=trail_bucket,
        IsMultiRegionTrail=True,
        EnableLogFileValidation=True,
        IncludeGlobalServiceEvents=True,
    )
    trail.start_logging(Name="payments-trail")

    rds = session.client("rds", region_name=REGION)
    rds.create_db_instance(
        DBInstanceIdentifier="payments-db",
        Engine="postgres",
        DBInstanceClass="db.t3.micro",
        MasterUsername="payments",
        MasterUserPassword="Demo-Only-Not-A-Secret-2",
        AllocatedStorage=20,
        StorageEncrypted=False,
        PubliclyAccessible=False,
    )
    return Seeded(account, REGION, (receipts, assets, trail_bucket), instances, groups)
