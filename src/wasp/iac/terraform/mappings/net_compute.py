"""Compute ``aws_*`` types of the network area in CloudFormation shape: EKS, Lambda URLs and permissions,
CodeBuild, DMS, Cognito identity pools, ECS services and VPC endpoint services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.shapes import Props, Values, block, blocks, items, pick, tags, truthy
from wasp.model import Unresolved


def _flag(value: Any, on: str, off: str) -> Any:
    """A Terraform boolean as CloudFormation's ENABLED/DISABLED-style word (unknowns pass through)."""
    value = truthy(value)
    if isinstance(value, Unresolved) or value is None:
        return value
    return on if value else off


def eks_cluster(v: Values) -> Props:
    """``aws_eks_cluster`` as ``AWS::EKS::Cluster``."""
    props = pick(v, {"name": "Name", "version": "Version", "role_arn": "RoleArn"})
    vpc = block(v.get("vpc_config"))
    config = pick(
        vpc,
        {
            "endpoint_public_access": "EndpointPublicAccess",
            "endpoint_private_access": "EndpointPrivateAccess",
        },
    )
    if vpc.get("public_access_cidrs") is not None:
        config["PublicAccessCidrs"] = items(vpc["public_access_cidrs"])
    props["ResourcesVpcConfig"] = config
    props["EncryptionConfig"] = [
        {
            "Resources": items(c.get("resources")),
            "Provider": pick(block(c.get("provider")), {"key_arn": "KeyArn"}),
        }
        for c in blocks(v.get("encryption_config"))
    ]
    if v.get("enabled_cluster_log_types") is not None:
        types = v["enabled_cluster_log_types"]
        props["Logging"] = {
            "ClusterLogging": {
                "EnabledTypes": types
                if isinstance(types, Unresolved)
                else [{"Type": t} for t in items(types)]
            }
        }
    return {**props, "Tags": tags(v.get("tags"))}


def eks_node_group(v: Values) -> Props:
    """``aws_eks_node_group`` as ``AWS::EKS::Nodegroup``."""
    props = pick(v, {"node_group_name": "NodegroupName", "cluster_name": "ClusterName"})
    remote = block(v.get("remote_access"))
    if remote:
        access = pick(remote, {"ec2_ssh_key": "Ec2SshKey"})
        if remote.get("source_security_group_ids") is not None:
            access["SourceSecurityGroups"] = items(remote["source_security_group_ids"])
        props["RemoteAccess"] = access
    return props


def lambda_url(v: Values) -> Props:
    """``aws_lambda_function_url`` as ``AWS::Lambda::Url``."""
    props = pick(v, {"function_name": "TargetFunctionArn", "authorization_type": "AuthType"})
    cors = block(v.get("cors"))
    if cors:
        props["Cors"] = {"AllowOrigins": items(cors.get("allow_origins"))}
    return props


def lambda_permission(v: Values) -> Props:
    """``aws_lambda_permission`` as ``AWS::Lambda::Permission``."""
    return pick(
        v,
        {
            "function_name": "FunctionName",
            "action": "Action",
            "principal": "Principal",
            "source_arn": "SourceArn",
            "source_account": "SourceAccount",
            "principal_org_id": "PrincipalOrgID",
            "function_url_auth_type": "FunctionUrlAuthType",
        },
    )


def _artifact(a: Values) -> Props:
    return pick(a, {"type": "Type", "location": "Location", "encryption_disabled": "EncryptionDisabled"})


def codebuild_project(v: Values) -> Props:
    """``aws_codebuild_project`` as ``AWS::CodeBuild::Project``."""
    props = pick(v, {"name": "Name", "encryption_key": "EncryptionKey", "service_role": "ServiceRole"})
    props["Artifacts"] = _artifact(block(v.get("artifacts")))
    props["SecondaryArtifacts"] = [_artifact(a) for a in blocks(v.get("secondary_artifacts"))]
    env = block(v.get("environment"))
    props["Environment"] = {
        **pick(env, {"image": "Image", "privileged_mode": "PrivilegedMode", "type": "Type"}),
        "EnvironmentVariables": [
            pick(e, {"name": "Name", "value": "Value", "type": "Type"})
            for e in blocks(env.get("environment_variable"))
        ],
    }
    s3_logs = block(block(v.get("logs_config")).get("s3_logs"))
    if s3_logs:
        props["LogsConfig"] = {
            "S3Logs": {
                "Status": s3_logs.get("status", "DISABLED"),
                **pick(s3_logs, {"location": "Location", "encryption_disabled": "EncryptionDisabled"}),
            }
        }
    cloudwatch_logs = block(block(v.get("logs_config")).get("cloudwatch_logs"))
    if cloudwatch_logs:
        props.setdefault("LogsConfig", {})["CloudWatchLogs"] = {
            "Status": cloudwatch_logs.get("status", "ENABLED"),
            **pick(cloudwatch_logs, {"group_name": "GroupName"}),
        }
    return {**props, "Tags": tags(v.get("tags"))}


def dms_instance(v: Values) -> Props:
    """``aws_dms_replication_instance`` as ``AWS::DMS::ReplicationInstance`` (Terraform's default is private)."""
    props = pick(
        v,
        {
            "replication_instance_id": "ReplicationInstanceIdentifier",
            "replication_instance_class": "ReplicationInstanceClass",
            "kms_key_arn": "KmsKeyId",
        },
    )
    props["PubliclyAccessible"] = truthy(v.get("publicly_accessible", False))
    props["AutoMinorVersionUpgrade"] = truthy(v.get("auto_minor_version_upgrade", False))
    return {**props, "Tags": tags(v.get("tags"))}


def identity_pool(v: Values) -> Props:
    """``aws_cognito_identity_pool`` as ``AWS::Cognito::IdentityPool``."""
    props = pick(v, {"identity_pool_name": "IdentityPoolName"})
    props["AllowUnauthenticatedIdentities"] = truthy(v.get("allow_unauthenticated_identities", False))
    return props


def ecs_service(v: Values) -> Props:
    """``aws_ecs_service`` as ``AWS::ECS::Service``."""
    props = pick(
        v,
        {
            "name": "ServiceName",
            "cluster": "Cluster",
            "task_definition": "TaskDefinition",
            "launch_type": "LaunchType",
            "platform_version": "PlatformVersion",
        },
    )
    net = block(v.get("network_configuration"))
    if net:
        props["NetworkConfiguration"] = {
            "AwsvpcConfiguration": {
                "AssignPublicIp": _flag(net.get("assign_public_ip", False), "ENABLED", "DISABLED"),
                "Subnets": items(net.get("subnets")),
                "SecurityGroups": items(net.get("security_groups")),
            }
        }
    return {**props, "Tags": tags(v.get("tags"))}


def endpoint_service(v: Values) -> Props:
    """``aws_vpc_endpoint_service`` as ``AWS::EC2::VPCEndpointService``."""
    props = pick(v, {"acceptance_required": "AcceptanceRequired"})
    props["NetworkLoadBalancerArns"] = items(v.get("network_load_balancer_arns"))
    return props


def ecs_cluster(v: Values) -> Props:
    """``aws_ecs_cluster`` as ``AWS::ECS::Cluster``."""
    props = pick(v, {"name": "ClusterName"})
    execute = block(block(v.get("configuration")).get("execute_command_configuration"))
    if execute:
        props["Configuration"] = {
            "ExecuteCommandConfiguration": pick(execute, {"logging": "Logging", "kms_key_id": "KmsKeyId"})
        }
    return {**props, "Tags": tags(v.get("tags"))}


def transit_gateway(v: Values) -> Props:
    """``aws_ec2_transit_gateway`` as ``AWS::EC2::TransitGateway``."""
    return {
        **pick(
            v, {"description": "Description", "auto_accept_shared_attachments": "AutoAcceptSharedAttachments"}
        ),
        "Tags": tags(v.get("tags")),
    }


def beanstalk_environment(v: Values) -> Props:
    """``aws_elastic_beanstalk_environment`` as ``AWS::ElasticBeanstalk::Environment``."""
    props = pick(v, {"name": "EnvironmentName", "application": "ApplicationName"})
    props["OptionSettings"] = [
        pick(s, {"namespace": "Namespace", "name": "OptionName", "value": "Value"})
        for s in blocks(v.get("setting"))
    ]
    return props


def network_firewall(v: Values) -> Props:
    """``aws_networkfirewall_firewall`` as ``AWS::NetworkFirewall::Firewall``."""
    props = pick(v, {"name": "FirewallName", "firewall_policy_arn": "FirewallPolicyArn", "vpc_id": "VpcId"})
    props["DeleteProtection"] = truthy(v.get("delete_protection", False))
    props["Supplementary"] = {"LogTypes": []}  # filled by aws_networkfirewall_logging_configuration
    encryption = block(v.get("encryption_configuration"))
    if encryption:
        props["EncryptionConfiguration"] = pick(encryption, {"key_id": "KeyId", "type": "Type"})
    return {**props, "Tags": tags(v.get("tags"))}


def _store(store: Values) -> Props:
    out = pick(store, {"type": "Type", "location": "Location"})
    key = block(store.get("encryption_key"))
    if key:
        out["EncryptionKey"] = pick(key, {"id": "Id", "type": "Type"})
    return out


def codepipeline(v: Values) -> Props:
    """``aws_codepipeline`` as ``AWS::CodePipeline::Pipeline`` (one store, or one per region)."""
    stores = blocks(v.get("artifact_store"))
    props = pick(v, {"name": "Name", "role_arn": "RoleArn"})
    if len(stores) == 1 and stores[0].get("region") is None:
        props["ArtifactStore"] = _store(stores[0])
    else:
        props["ArtifactStores"] = [{"Region": s.get("region"), "ArtifactStore": _store(s)} for s in stores]
    return {**props, "Tags": tags(v.get("tags"))}


def dms_endpoint(v: Values) -> Props:
    """``aws_dms_endpoint`` as ``AWS::DMS::Endpoint`` (Terraform's default SSL mode is none)."""
    props = pick(
        v,
        {
            "endpoint_id": "EndpointIdentifier",
            "endpoint_type": "EndpointType",
            "engine_name": "EngineName",
            "kms_key_arn": "KmsKeyId",
        },
    )
    props["SslMode"] = v.get("ssl_mode", "none")
    return {**props, "Tags": tags(v.get("tags"))}


def _firewall_logging(props: Props, v: Values) -> None:
    config = block(v.get("logging_configuration"))
    props["Supplementary"] = {
        "LogTypes": [d.get("log_type") for d in blocks(config.get("log_destination_config"))]
    }


FOLDS: dict[str, Fold] = {
    "aws_networkfirewall_logging_configuration": Fold(
        "firewall_arn", ("aws_networkfirewall_firewall",), _firewall_logging
    ),
}
"""Split resources folded into their parent."""


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_eks_cluster": ("AWS::EKS::Cluster", eks_cluster),
    "aws_eks_node_group": ("AWS::EKS::Nodegroup", eks_node_group),
    "aws_lambda_function_url": ("AWS::Lambda::Url", lambda_url),
    "aws_lambda_permission": ("AWS::Lambda::Permission", lambda_permission),
    "aws_codebuild_project": ("AWS::CodeBuild::Project", codebuild_project),
    "aws_dms_replication_instance": ("AWS::DMS::ReplicationInstance", dms_instance),
    "aws_cognito_identity_pool": ("AWS::Cognito::IdentityPool", identity_pool),
    "aws_ecs_service": ("AWS::ECS::Service", ecs_service),
    "aws_vpc_endpoint_service": ("AWS::EC2::VPCEndpointService", endpoint_service),
    "aws_ecs_cluster": ("AWS::ECS::Cluster", ecs_cluster),
    "aws_ec2_transit_gateway": ("AWS::EC2::TransitGateway", transit_gateway),
    "aws_elastic_beanstalk_environment": ("AWS::ElasticBeanstalk::Environment", beanstalk_environment),
    "aws_networkfirewall_firewall": ("AWS::NetworkFirewall::Firewall", network_firewall),
    "aws_codepipeline": ("AWS::CodePipeline::Pipeline", codepipeline),
    "aws_dms_endpoint": ("AWS::DMS::Endpoint", dms_endpoint),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
