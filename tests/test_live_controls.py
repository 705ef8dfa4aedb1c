"""Controls end to end: emulated (or stubbed) AWS -> collector -> rule verdict, passing and failing."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from conftest import NOW, REGION
from wasp.collect.base import Collector
from wasp.collect.clients import ClientFactory
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model import FindingStatus
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

ACCOUNT = "123456789012"
RULES = {r.id: r for r in load_rules()}


def verdicts(
    collectors: list[Collector],
    rule: str,
    factory: ClientFactory | None = None,
    scope: WorkloadScope | None = None,
) -> dict[str, FindingStatus]:
    """Run collectors against the current emulator (or stubs), then one rule; resource id -> status."""
    factory = factory or ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(plan(collectors, [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    ctx = RuleContext(
        inventory=inventory, workload=scope or WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    ev = evaluate((RULES[rule],), inventory, ctx, observed_at=NOW)
    return {f.resource.id: f.status for f in ev.findings}


def _c(name: str) -> Collector:
    from wasp.collect.registry import select_collectors

    return select_collectors([name])[0]


P, F, U = FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.UNKNOWN


@pytest.mark.usefixtures("aws")
class TestEmulated:
    def test_organization_and_scps(self) -> None:
        from wasp.collect.account import AccountCollector

        assert verdicts([AccountCollector(), _c("organizations")], "org_in_use")[ACCOUNT] is F
        org = boto3.client("organizations", region_name=REGION)
        org.create_organization(FeatureSet="ALL")
        assert verdicts([AccountCollector(), _c("organizations")], "org_in_use")[ACCOUNT] is P
        assert (
            verdicts([AccountCollector(), _c("organizations")], "scp_protect_security_services")[ACCOUNT] is F
        )
        root = org.list_roots()["Roots"][0]["Id"]
        pid = org.create_policy(
            Name="x",
            Type="SERVICE_CONTROL_POLICY",
            Description="",
            Content=json.dumps(
                {
                    "Statement": [
                        {
                            "Effect": "Deny",
                            "Resource": "*",
                            "Action": [
                                "cloudtrail:StopLogging",
                                "guardduty:DeleteDetector",
                                "securityhub:DisableSecurityHub",
                                "config:StopConfigurationRecorder",
                            ],
                        }
                    ]
                }
            ),
        )["Policy"]["PolicySummary"]["Id"]
        assert (
            verdicts([AccountCollector(), _c("organizations")], "scp_protect_security_services")[ACCOUNT] is F
        )  # not attached
        org.attach_policy(PolicyId=pid, TargetId=root)
        # the reviewed account is the management account, which SCPs never restrict (members: test_scp_placement)
        assert (
            verdicts([AccountCollector(), _c("organizations")], "scp_protect_security_services")[ACCOUNT] is F
        )

    def test_guardduty_and_config(self) -> None:
        from wasp.collect.account import AccountCollector

        assert verdicts([AccountCollector(), _c("guardduty")], "guardduty_enabled")[ACCOUNT] is F
        boto3.client("guardduty", region_name=REGION).create_detector(Enable=True)
        assert verdicts([AccountCollector(), _c("guardduty")], "guardduty_enabled")[ACCOUNT] is P
        cfg = boto3.client("config", region_name=REGION)
        cfg.put_configuration_recorder(
            ConfigurationRecorder={
                "name": "default",
                "roleARN": "arn:aws:iam::123456789012:role/c",
                "recordingGroup": {"allSupported": True},
            }
        )
        assert (
            verdicts([AccountCollector(), _c("config")], "config_recording_all")[ACCOUNT] is F
        )  # not started
        cfg.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "b"})
        cfg.start_configuration_recorder(ConfigurationRecorderName="default")
        assert verdicts([AccountCollector(), _c("config")], "config_recording_all")[ACCOUNT] is P

    def test_vpc_layers_flow_logs_and_endpoints(self) -> None:
        ec2 = boto3.client("ec2", region_name=REGION)
        vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
        igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
        ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
        pub = ec2.create_subnet(VpcId=vpc, CidrBlock="10.1.1.0/24")["Subnet"]["SubnetId"]
        rt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
        ec2.create_route(RouteTableId=rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
        ec2.associate_route_table(RouteTableId=rt, SubnetId=pub)
        assert verdicts([_c("vpc")], "vpc_public_and_private_subnets")[vpc] is F
        ec2.create_subnet(VpcId=vpc, CidrBlock="10.1.2.0/24")
        assert verdicts([_c("vpc")], "vpc_public_and_private_subnets")[vpc] is P
        assert verdicts([_c("vpc")], "vpc_flow_logs_enabled")[vpc] is F
        boto3.client("s3", region_name=REGION).create_bucket(
            Bucket="flow", CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        ec2.create_flow_logs(
            ResourceIds=[vpc],
            ResourceType="VPC",
            TrafficType="ALL",
            LogDestinationType="s3",
            LogDestination="arn:aws:s3:::flow",
        )
        assert verdicts([_c("vpc")], "vpc_flow_logs_enabled")[vpc] is P
        assert verdicts([_c("vpc")], "vpc_endpoints_for_core_services")[vpc] is F

    def test_rds_encryption_and_tls(self) -> None:
        rds = boto3.client("rds", region_name=REGION)
        rds.create_db_parameter_group(
            DBParameterGroupName="tls", DBParameterGroupFamily="postgres16", Description="tls"
        )
        rds.modify_db_parameter_group(
            DBParameterGroupName="tls",
            Parameters=[
                {"ParameterName": "rds.force_ssl", "ParameterValue": "1", "ApplyMethod": "pending-reboot"}
            ],
        )
        for name, enc, group in (("good", True, "tls"), ("bad", False, None)):
            kw: dict[str, Any] = {"DBParameterGroupName": group} if group else {}
            rds.create_db_instance(
                DBInstanceIdentifier=name,
                Engine="postgres",
                DBInstanceClass="db.t3.micro",
                MasterUsername="u",
                MasterUserPassword="Not-A-Real-Secret-9",
                AllocatedStorage=20,
                StorageEncrypted=enc,
                **kw,
            )
        assert verdicts([_c("rds")], "rds_storage_encrypted") == {"good": P, "bad": F}
        assert verdicts([_c("rds")], "rds_tls_enforced") == {"good": P, "bad": F}

    def test_lambda_secrets_and_public_policy(self) -> None:
        iam = boto3.client("iam", region_name=REGION)
        role = iam.create_role(RoleName="fn", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        lam = boto3.client("lambda", region_name=REGION)
        for name, env in (("clean", {"STAGE": "prod"}), ("leaky", {"DB_PASSWORD": "xK9#mP2$vL8qR4nT"})):
            lam.create_function(
                FunctionName=name,
                Runtime="python3.12",
                Handler="a.h",
                Role=role,
                Code={"ZipFile": b"x"},
                Environment={"Variables": env},
            )
        assert verdicts([_c("lambda")], "lambda_no_secrets_in_env") == {"clean": P, "leaky": F}
        lam.add_permission(
            FunctionName="leaky", StatementId="pub", Action="lambda:InvokeFunction", Principal="*"
        )
        assert verdicts([_c("lambda")], "lambda_policy_not_public") == {"leaky": F}

    def test_secrets_sqs_sns_efs_dynamodb(self) -> None:
        boto3.client("secretsmanager", region_name=REGION).create_secret(
            Name="db", SecretString="Not-A-Real-Secret-9"
        )
        assert verdicts([_c("secretsmanager")], "secrets_rotation_enabled") == {"db": F}
        sqs = boto3.client("sqs", region_name=REGION)
        sqs.create_queue(QueueName="enc", Attributes={"SqsManagedSseEnabled": "true"})
        sqs.create_queue(QueueName="plain", Attributes={"SqsManagedSseEnabled": "false"})
        assert verdicts([_c("sqs")], "sqs_queue_encrypted") == {"enc": P, "plain": F}
        sns = boto3.client("sns", region_name=REGION)
        sns.create_topic(Name="enc", Attributes={"KmsMasterKeyId": "alias/aws/sns"})
        sns.create_topic(Name="plain")
        assert verdicts([_c("sns")], "sns_topic_encrypted") == {"enc": P, "plain": F}
        efs = boto3.client("efs", region_name=REGION)
        good = efs.create_file_system(CreationToken="a", Encrypted=True)["FileSystemId"]
        bad = efs.create_file_system(CreationToken="b", Encrypted=False)["FileSystemId"]
        assert verdicts([_c("efs")], "efs_encrypted") == {good: P, bad: F}
        ddb = boto3.client("dynamodb", region_name=REGION)
        ddb.create_table(
            TableName="t",
            KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
            Tags=[{"Key": "DataClassification", "Value": "confidential"}],
        )
        assert verdicts([_c("dynamodb"), _c("kms")], "dynamodb_cmk_for_sensitive") == {"t": F}
        assert verdicts([_c("dynamodb")], "dynamodb_table_classified") == {"t": P}

    def test_elb_listeners_and_waf(self) -> None:
        ec2 = boto3.client("ec2", region_name=REGION)
        vpc = ec2.create_vpc(CidrBlock="10.2.0.0/16")["Vpc"]["VpcId"]
        subnets = [
            ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.2.{i}.0/24", AvailabilityZone=f"{REGION}{z}")[
                "Subnet"
            ]["SubnetId"]
            for i, z in ((1, "a"), (2, "b"))
        ]
        elb = boto3.client("elbv2", region_name=REGION)
        lb = elb.create_load_balancer(
            Name="web", Subnets=subnets, Scheme="internet-facing", Type="application"
        )["LoadBalancers"][0]
        elb.create_listener(
            LoadBalancerArn=lb["LoadBalancerArn"],
            Protocol="HTTP",
            Port=80,
            DefaultActions=[
                {
                    "Type": "redirect",
                    "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"},
                }
            ],
        )
        assert list(verdicts([_c("elb")], "elb_listener_tls").values()) == [P]
        assert verdicts([_c("elb"), _c("waf")], "waf_on_internet_facing_alb") == {"web": F}

    def test_ecr_scanning_and_exposure(self) -> None:
        ecr = boto3.client("ecr", region_name=REGION)
        ecr.create_repository(repositoryName="scanned", imageScanningConfiguration={"scanOnPush": True})
        ecr.create_repository(repositoryName="blind")
        ecr.set_repository_policy(
            repositoryName="blind",
            policyText=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "x",
                            "Effect": "Allow",
                            "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
                            "Action": "ecr:BatchGetImage",
                        }
                    ],
                }
            ),
        )
        assert verdicts([_c("ecr")], "ecr_image_scanning") == {"scanned": P, "blind": F}
        assert verdicts([_c("ecr")], "ecr_repository_policy_not_public") == {"blind": F}

    def test_s3_account_block_through_s3control(self) -> None:
        from wasp.collect.s3 import S3Collector

        assert verdicts([S3Collector()], "s3_account_public_access_block")[ACCOUNT] is F
        boto3.client("s3control", region_name=REGION).put_public_access_block(
            AccountId=ACCOUNT,
            PublicAccessBlockConfiguration=dict.fromkeys(
                ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
            ),
        )
        assert verdicts([S3Collector()], "s3_account_public_access_block")[ACCOUNT] is P


class _Stubbed(ClientFactory):
    """botocore Stubbers for services moto does not implement; responses are validated against the real model."""

    def __init__(self, setup: Callable[[str, Stubber], None]) -> None:
        super().__init__(boto3.session.Session(region_name=REGION))
        self._setup = setup
        self.stubs: dict[str, Stubber] = {}

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        made = super().client(service, region, operation)
        if service not in self.stubs:
            stub = Stubber(made)
            self._setup(service, stub)
            stub.activate()
            self.stubs[service] = stub
        return made


def _account_only(service: str, stub: Stubber) -> None:
    if service == "iam":
        stub.add_response("get_account_summary", {"SummaryMap": {}})
        stub.add_response("get_account_password_policy", {"PasswordPolicy": {}})


def test_access_analyzer_stubbed() -> None:
    from wasp.collect.account import AccountCollector

    def setup(analyzers: list[dict[str, Any]]) -> Callable[[str, Stubber], None]:
        def inner(service: str, stub: Stubber) -> None:
            _account_only(service, stub)
            if service == "accessanalyzer":
                stub.add_response("list_analyzers", {"analyzers": analyzers})
            if service == "detective":
                stub.add_response("list_graphs", {"GraphList": []})
            if service == "securitylake":
                stub.add_response("list_data_lakes", {"dataLakes": []})

        return inner

    active = [
        {
            "arn": "arn:aws:access-analyzer:eu-west-2:123456789012:analyzer/org",
            "name": "org",
            "type": "ORGANIZATION",
            "createdAt": "2026-01-01T00:00:00Z",
            "status": "ACTIVE",
        }
    ]
    assert (
        verdicts(
            [AccountCollector(), _c("accessanalyzer"), _c("detective")],
            "access_analyzer_enabled",
            _Stubbed(setup(active)),
        )[ACCOUNT]
        is P
    )
    assert (
        verdicts(
            [AccountCollector(), _c("accessanalyzer"), _c("detective")],
            "access_analyzer_enabled",
            _Stubbed(setup([])),
        )[ACCOUNT]
        is F
    )
    assert (
        verdicts(
            [AccountCollector(), _c("accessanalyzer"), _c("detective")],
            "detective_enabled",
            _Stubbed(setup([])),
        )[ACCOUNT]
        is F
    )


def test_security_hub_standards_stubbed() -> None:
    from wasp.collect.account import AccountCollector

    fsbp = "arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0"

    def setup(standards: list[str]) -> Callable[[str, Stubber], None]:
        def inner(service: str, stub: Stubber) -> None:
            _account_only(service, stub)
            if service == "securityhub":
                stub.add_response(
                    "describe_hub", {"HubArn": "arn:aws:securityhub:eu-west-2:123456789012:hub/default"}
                )
                stub.add_response(
                    "get_enabled_standards",
                    {
                        "StandardsSubscriptions": [
                            {
                                "StandardsSubscriptionArn": f"{s}/sub",
                                "StandardsArn": s,
                                "StandardsInput": {},
                                "StandardsStatus": "READY",
                            }
                            for s in standards
                        ]
                    },
                )

        return inner

    assert (
        verdicts(
            [AccountCollector(), _c("securityhub")], "securityhub_fsbp_enabled", _Stubbed(setup([fsbp]))
        )[ACCOUNT]
        is P
    )
    assert (
        verdicts([AccountCollector(), _c("securityhub")], "securityhub_fsbp_enabled", _Stubbed(setup([])))[
            ACCOUNT
        ]
        is F
    )


def test_ssm_patch_compliance_stubbed() -> None:
    def setup(missing: int) -> Callable[[str, Stubber], None]:
        def inner(service: str, stub: Stubber) -> None:
            if service == "ec2":
                stub.add_response("describe_security_groups", {"SecurityGroups": []})
                stub.add_response(
                    "describe_instances",
                    {
                        "Reservations": [
                            {"Instances": [{"InstanceId": "i-1", "State": {"Name": "running", "Code": 16}}]}
                        ]
                    },
                )
                stub.add_response("describe_instance_attribute", {"UserData": {}})
                stub.add_response("describe_volumes", {"Volumes": []})
                stub.add_response("describe_launch_templates", {"LaunchTemplates": []})
                stub.add_response("get_ebs_encryption_by_default", {"EbsEncryptionByDefault": True})
                stub.add_response(
                    "get_instance_metadata_defaults", {"AccountLevel": {"HttpTokens": "required"}}
                )
            if service == "ssm":
                stub.add_response(
                    "describe_instance_information",
                    {
                        "InstanceInformationList": [
                            {"InstanceId": "i-1", "PingStatus": "Online", "PlatformName": "Amazon Linux"}
                        ]
                    },
                )
                stub.add_response(
                    "describe_instance_patch_states",
                    {
                        "InstancePatchStates": [
                            {
                                "InstanceId": "i-1",
                                "PatchGroup": "default",
                                "BaselineId": "pb-0123456789abcdef0",
                                "OperationStartTime": "2026-01-01T00:00:00Z",
                                "OperationEndTime": "2026-01-01T00:00:00Z",
                                "Operation": "Scan",
                                "MissingCount": missing,
                                "FailedCount": 0,
                            }
                        ]
                    },
                )

        return inner

    cols = [_c("ec2"), _c("ssm")]
    assert verdicts(cols, "ssm_patch_compliant", _Stubbed(setup(0))) == {"i-1": P}
    assert verdicts(cols, "ssm_patch_compliant", _Stubbed(setup(3))) == {"i-1": F}
    assert verdicts(cols, "ssm_managed_instance", _Stubbed(setup(0))) == {"i-1": P}
    assert verdicts(cols, "ec2_imds_default_v2", _Stubbed(setup(0))) == {
        ACCOUNT: P
    }  # moto lacks the IMDS defaults call


def test_image_builder_stubbed() -> None:
    def setup(pipelines: list[dict[str, Any]]) -> Callable[[str, Stubber], None]:
        def inner(service: str, stub: Stubber) -> None:
            _account_only(service, stub)
            if service == "imagebuilder":
                stub.add_response("list_image_pipelines", {"imagePipelineList": pipelines})

        return inner

    from wasp.collect.account import AccountCollector
    from wasp.model import Origin, OriginKind, Resource

    factory = _Stubbed(
        setup(
            [
                {
                    "arn": "arn:aws:imagebuilder:eu-west-2:123456789012:image-pipeline/golden",
                    "name": "golden",
                    "status": "ENABLED",
                }
            ]
        )
    )
    inventory, _ = collect(
        plan([AccountCollector(), _c("imagebuilder")], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
    )
    inventory.add(Resource("AWS::EC2::Instance", "i-1", {}, Origin(OriginKind.LIVE, ACCOUNT, REGION)))
    inventory.mark_collected("AWS::EC2::Instance")
    ev = evaluate(
        (RULES["imagebuilder_pipeline_present"],),
        inventory,
        RuleContext(inventory=inventory, now=NOW),
        observed_at=NOW,
    )
    assert [f.status for f in ev.findings] == [P]
