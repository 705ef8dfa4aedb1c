"""Network rules read live (moto): ECS container flags, API Gateway stage logs and settings, CloudFront origins
and logging, subnets, default and egress security groups; and a denied task definition read that leaves the
container rules unknown, never pass."""

from __future__ import annotations

from datetime import UTC, datetime

import boto3
import pytest
from botocore.exceptions import ClientError

from conftest import REGION
from wasp.collect.clients import ClientFactory
from wasp.collect.registry import select_collectors
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model.rule import RuleContext
from wasp.rules import load_rules

ACCOUNT = "123456789012"
RULES = {r.id: r for r in load_rules()}


def _verdicts(services: list[str], rules: list[str]) -> dict[tuple[str, str], str]:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(
        plan(select_collectors(services), [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
    )
    now = datetime(2026, 11, 28, tzinfo=UTC)
    found = evaluate(
        [RULES[r] for r in rules], inventory, RuleContext(inventory=inventory, now=now), observed_at=now
    )
    return {(f.rule, f.resource.id): f.status.value for f in found.findings}


ECS_RULES = [
    "ecs_task_not_privileged",
    "ecs_task_no_host_pid",
    "ecs_task_read_only_root",
    "ecs_task_efs_in_transit",
]


def _tasks() -> None:
    ecs = boto3.client("ecs", region_name=REGION)
    ecs.register_task_definition(
        family="legacy",
        pidMode="host",
        containerDefinitions=[{"name": "web", "image": "nginx", "privileged": True, "memory": 256}],
        volumes=[{"name": "media", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}}],
    )
    ecs.register_task_definition(
        family="hardened",
        containerDefinitions=[
            {"name": "web", "image": "nginx", "readonlyRootFilesystem": True, "user": "1000", "memory": 256}
        ],
        volumes=[
            {
                "name": "media",
                "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "ENABLED"},
            }
        ],
    )


def test_ecs_container_flags_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        _tasks()
        seen = _verdicts(["ecs"], ECS_RULES)
    for rule in ECS_RULES:
        assert seen[(rule, "legacy")] == "fail", rule
        assert seen[(rule, "hardened")] == "pass", rule


def test_denied_task_definition_read_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    from moto import mock_aws

    from wasp.collect import api

    real = api.ApiReader.call

    def call(self: api.ApiReader, operation: str, **kwargs: object) -> object:
        if operation == "describe_task_definition":
            error = {"Error": {"Code": "AccessDeniedException", "Message": "denied"}}
            raise self._fail(ClientError(error, operation), "ecs", operation, self.region, None, ())  # type: ignore[arg-type]
        return real(self, operation, **kwargs)  # type: ignore[arg-type]

    with mock_aws():
        _tasks()
        monkeypatch.setattr(api.ApiReader, "call", call)
        seen = _verdicts(["ecs"], [*ECS_RULES, "ecs_task_roles_separate"])
    assert set(seen.values()) == {"unknown"}, seen


def test_api_stage_logs_and_settings_read_live() -> None:
    from moto import mock_aws

    rules = ["apigw_stage_access_logging", "apigw_stage_execution_logging", "apigw_stage_no_data_trace"]
    with mock_aws():
        apigw = boto3.client("apigateway", region_name=REGION)
        api_id = apigw.create_rest_api(name="shop")["id"]
        root = apigw.get_resources(restApiId=api_id)["items"][0]["id"]
        apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="GET", authorizationType="NONE")
        apigw.put_integration(restApiId=api_id, resourceId=root, httpMethod="GET", type="MOCK")
        deployment = apigw.create_deployment(restApiId=api_id)["id"]
        apigw.create_stage(restApiId=api_id, stageName="dev", deploymentId=deployment)
        apigw.create_stage(restApiId=api_id, stageName="prod", deploymentId=deployment)
        apigw.update_stage(
            restApiId=api_id,
            stageName="prod",
            patchOperations=[
                {
                    "op": "replace",
                    "path": "/accessLogSettings/destinationArn",
                    "value": "arn:aws:logs:eu-west-2:1:log-group:api",
                },
                {"op": "replace", "path": "/accessLogSettings/format", "value": "$context.requestId"},
                {"op": "replace", "path": "/*/*/logging/loglevel", "value": "ERROR"},
            ],
        )
        apigw.update_stage(
            restApiId=api_id,
            stageName="dev",
            patchOperations=[{"op": "replace", "path": "/*/*/logging/dataTrace", "value": "true"}],
        )
        seen = _verdicts(["apigateway"], rules)
    for rule in rules:
        assert seen[(rule, f"{api_id}/dev")] == "fail", rule
        assert seen[(rule, f"{api_id}/prod")] == "pass", rule


def test_subnets_and_security_group_egress_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        ec2 = boto3.client("ec2", region_name=REGION)
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        public = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.0.0/24")["Subnet"]["SubnetId"]
        private = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
        ec2.modify_subnet_attribute(SubnetId=public, MapPublicIpOnLaunch={"Value": True})
        locked = ec2.create_security_group(GroupName="locked", Description="locked", VpcId=vpc)["GroupId"]
        ec2.revoke_security_group_egress(
            GroupId=locked, IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
        )
        opened = ec2.create_security_group(GroupName="open", Description="open", VpcId=vpc)["GroupId"]
        seen = _verdicts(["ec2", "vpc"], ["subnet_no_auto_public_ip", "sg_no_world_egress_all"])
    assert seen[("subnet_no_auto_public_ip", public)] == "fail"
    assert seen[("subnet_no_auto_public_ip", private)] == "pass"
    assert seen[("sg_no_world_egress_all", opened)] == "fail"  # AWS's default allow-all egress
    assert seen[("sg_no_world_egress_all", locked)] == "pass"


def test_cloudfront_origins_and_logging_read_from_the_api_shape() -> None:
    from wasp.collect.cloudfront import normalize_config
    from wasp.model import Origin, OriginKind, Resource
    from wasp.model.inventory import Inventory

    api_config = {
        "Enabled": True,
        "Logging": {"Enabled": False, "IncludeCookies": False, "Bucket": "", "Prefix": ""},
        "DefaultCacheBehavior": {
            "ViewerProtocolPolicy": "redirect-to-https",
            "ResponseHeadersPolicyId": "rh-1",
        },
        "Origins": {
            "Quantity": 2,
            "Items": [
                {
                    "Id": "s3",
                    "DomainName": "b.s3.amazonaws.com",
                    "S3OriginConfig": {"OriginAccessIdentity": ""},
                },
                {
                    "Id": "api",
                    "DomainName": "api.example.com",
                    "CustomOriginConfig": {
                        "OriginProtocolPolicy": "match-viewer",
                        "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]},
                    },
                },
            ],
        },
    }
    dist = Resource(
        "AWS::CloudFront::Distribution",
        "E1",
        {"DistributionConfig": normalize_config(api_config)},
        Origin(OriginKind.LIVE, account=ACCOUNT),
    )
    inventory = Inventory()
    inventory.add(dist)
    now = datetime(2026, 11, 28, tzinfo=UTC)
    rules = [
        RULES[r]
        for r in ("cloudfront_access_logging", "cloudfront_origin_https", "cloudfront_s3_origin_access")
    ]
    found = evaluate(
        rules, inventory, RuleContext(inventory=inventory, now=now), observed_at=now, require_collected=False
    )
    assert {f.rule: f.status.value for f in found.findings} == {
        "cloudfront_access_logging": "fail",
        "cloudfront_origin_https": "fail",
        "cloudfront_s3_origin_access": "fail",
    }


def test_load_balancer_attributes_and_web_acl_logging_read_live() -> None:
    from moto import mock_aws

    lb_rules = ["elbv2_access_logs", "alb_drops_invalid_headers", "alb_desync_mitigation"]
    with mock_aws():
        ec2 = boto3.client("ec2", region_name=REGION)
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnets = [
            ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"{REGION}{z}")[
                "Subnet"
            ]["SubnetId"]
            for i, z in enumerate("ab")
        ]
        elb = boto3.client("elbv2", region_name=REGION)
        plain = elb.create_load_balancer(Name="plain", Subnets=subnets, Scheme="internal")["LoadBalancers"][0]
        tuned = elb.create_load_balancer(Name="tuned", Subnets=subnets, Scheme="internal")["LoadBalancers"][0]
        elb.modify_load_balancer_attributes(
            LoadBalancerArn=tuned["LoadBalancerArn"],
            Attributes=[
                {"Key": "access_logs.s3.enabled", "Value": "true"},
                {"Key": "access_logs.s3.bucket", "Value": "logs"},
                {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"},
            ],
        )
        elb.modify_load_balancer_attributes(
            LoadBalancerArn=plain["LoadBalancerArn"],
            Attributes=[{"Key": "routing.http.desync_mitigation_mode", "Value": "monitor"}],
        )
        waf = boto3.client("wafv2", region_name=REGION)
        visibility = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "m"}
        logged = waf.create_web_acl(
            Name="logged", Scope="REGIONAL", DefaultAction={"Allow": {}}, VisibilityConfig=visibility
        )["Summary"]
        silent = waf.create_web_acl(
            Name="silent", Scope="REGIONAL", DefaultAction={"Allow": {}}, VisibilityConfig=visibility
        )["Summary"]
        waf.put_logging_configuration(
            LoggingConfiguration={
                "ResourceArn": logged["ARN"],
                "LogDestinationConfigs": [f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:aws-waf-logs-x"],
            }
        )
        seen = _verdicts(["elb", "waf"], [*lb_rules, "wafv2_logging_enabled"])
    for rule in lb_rules:
        assert seen[(rule, "plain")] == "fail", rule
        assert seen[(rule, "tuned")] == "pass", rule
    assert seen[("wafv2_logging_enabled", logged["Id"])] == "pass"
    assert seen[("wafv2_logging_enabled", silent["Id"])] == "fail"
