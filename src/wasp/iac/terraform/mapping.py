"""``aws_*`` resource types mapped to CloudFormation types and property shapes, as data.

``MAIN`` turns one Terraform resource into one CloudFormation resource, with a small function per type (in
:mod:`storage`, :mod:`network`, :mod:`compute` and :mod:`security`); :mod:`folds` describes the split resources
merged back into them. Only what the rules read is mapped; other attributes are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from wasp.iac.terraform.compute import function, instance, launch_template, task_definition
from wasp.iac.terraform.folds import FOLDS, Fold
from wasp.iac.terraform.network import (
    api_domain,
    api_stage,
    distribution,
    flow_log,
    listener,
    load_balancer,
    security_group,
    subnet,
    vpc,
    vpc_endpoint,
)
from wasp.iac.terraform.security import (
    detector,
    group,
    kms_key,
    managed_policy,
    queue,
    role,
    secret,
    topic,
    trail,
    user,
)
from wasp.iac.terraform.shapes import Props, Values, pick, tags
from wasp.iac.terraform.storage import bucket, db_cluster, db_instance, dynamodb, ecr, efs

__all__ = ["ARN_STAND_INS", "FOLDS", "IDENTITY_ATTRIBUTES", "MAIN", "Fold", "stand_in"]

MAIN: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_s3_bucket": ("AWS::S3::Bucket", bucket),
    "aws_security_group": ("AWS::EC2::SecurityGroup", security_group),
    "aws_instance": ("AWS::EC2::Instance", instance),
    "aws_launch_template": ("AWS::EC2::LaunchTemplate", launch_template),
    "aws_ebs_volume": (
        "AWS::EC2::Volume",
        lambda v: {
            **pick(v, {"encrypted": "Encrypted", "size": "Size", "kms_key_id": "KmsKeyId"}),
            "Tags": tags(v.get("tags")),
        },
    ),
    "aws_kms_key": ("AWS::KMS::Key", kms_key),
    "aws_cloudtrail": ("AWS::CloudTrail::Trail", trail),
    "aws_db_instance": ("AWS::RDS::DBInstance", db_instance),
    "aws_rds_cluster": ("AWS::RDS::DBCluster", db_cluster),
    "aws_efs_file_system": ("AWS::EFS::FileSystem", efs),
    "aws_dynamodb_table": ("AWS::DynamoDB::Table", dynamodb),
    "aws_sns_topic": ("AWS::SNS::Topic", topic),
    "aws_sqs_queue": ("AWS::SQS::Queue", queue),
    "aws_lambda_function": ("AWS::Lambda::Function", function),
    "aws_ecr_repository": ("AWS::ECR::Repository", ecr),
    "aws_ecs_task_definition": ("AWS::ECS::TaskDefinition", task_definition),
    "aws_iam_role": ("AWS::IAM::Role", role),
    "aws_iam_user": ("AWS::IAM::User", user),
    "aws_iam_group": ("AWS::IAM::Group", group),
    "aws_iam_policy": ("AWS::IAM::ManagedPolicy", managed_policy),
    "aws_lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", load_balancer),
    "aws_alb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", load_balancer),
    "aws_lb_listener": ("AWS::ElasticLoadBalancingV2::Listener", listener),
    "aws_alb_listener": ("AWS::ElasticLoadBalancingV2::Listener", listener),
    "aws_secretsmanager_secret": ("AWS::SecretsManager::Secret", secret),
    "aws_cloudfront_distribution": ("AWS::CloudFront::Distribution", distribution),
    "aws_api_gateway_domain_name": ("AWS::ApiGateway::DomainName", api_domain),
    "aws_api_gateway_stage": ("AWS::ApiGateway::Stage", api_stage),
    "aws_vpc": ("AWS::EC2::VPC", vpc),
    "aws_subnet": ("AWS::EC2::Subnet", subnet),
    "aws_flow_log": ("AWS::EC2::FlowLog", flow_log),
    "aws_vpc_endpoint": ("AWS::EC2::VPCEndpoint", vpc_endpoint),
    "aws_guardduty_detector": ("AWS::GuardDuty::Detector", detector),
}


IDENTITY_ATTRIBUTES = {"aws_s3_bucket": "bucket"}
"""Types whose ``id`` is a configured attribute (a bucket's id is its name)."""

ARN_STAND_INS = frozenset({"aws_iam_policy"})
"""Types whose ``arn`` stands for the resource before apply (the address, as a template's ``Ref`` does), so that
an attachment finds the policy document it attaches."""


def stand_in(rtype: str, address: str, values: Mapping[str, Any], attribute: str) -> Any:
    """What a reference to another resource's attribute stands for before apply, or None when it is unknown.

    ``id`` is a bucket's name or else the address (the stand-in the CloudFormation reader uses for ``Ref``); a named
    bucket's ``arn`` is derived; a customer-managed policy's ``arn`` is its address. The HCL and plan readers both
    answer references this way, so the same configuration gets the same values from either.
    """
    name_attr = IDENTITY_ATTRIBUTES.get(rtype)
    name = values.get(name_attr) if name_attr else None
    if attribute == "id":
        return name if isinstance(name, str) else address
    if attribute == "arn" and rtype == "aws_s3_bucket" and isinstance(name, str):
        return f"arn:aws:s3:::{name}"
    if attribute == "arn" and rtype in ARN_STAND_INS:
        return address
    return None
