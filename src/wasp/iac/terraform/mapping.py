"""``aws_*`` resource types mapped to CloudFormation types and property shapes, as data plus small functions.

``MAIN`` turns one Terraform resource into one CloudFormation resource. ``FOLDS`` describes the split
resources Terraform uses for what CloudFormation keeps on one resource (``aws_s3_bucket_versioning``,
``aws_security_group_rule``, ``aws_iam_role_policy_attachment``...): which attribute names the parent and how
the child's values are merged into it. Policies that CloudFormation also keeps apart
(``AWS::S3::BucketPolicy``, ``AWS::SQS::QueuePolicy``) become that separate resource, linked the way the
rules look it up. Only what the rules read is mapped; other attributes are dropped.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from wasp.iac.terraform.shapes import block, blocks, document, items, pick, tags, truthy
from wasp.model import Unresolved

Props = dict[str, Any]
Values = Mapping[str, Any]


def _bucket(v: Values) -> Props:
    props: Props = {"BucketName": v.get("bucket"), "Tags": tags(v.get("tags"))}
    if v.get("bucket") is None:
        props.pop("BucketName")
    legacy = block(v.get("server_side_encryption_configuration"))
    if legacy:
        _sse(props, legacy)
    if v.get("acl") is not None:
        props["AccessControl"] = _canned(v["acl"])
    versioning = block(v.get("versioning"))
    if versioning:
        props["VersioningConfiguration"] = {"Status": "Enabled" if versioning.get("enabled") else "Suspended"}
    logging = block(v.get("logging"))
    if logging:
        props["LoggingConfiguration"] = pick(
            logging, {"target_bucket": "DestinationBucketName", "target_prefix": "LogFilePrefix"}
        )
    return props


def _sse(props: Props, v: Values) -> None:
    rules = []
    for rule in blocks(v.get("rule")):
        default = block(rule.get("apply_server_side_encryption_by_default"))
        rules.append(
            {
                "ServerSideEncryptionByDefault": pick(
                    default, {"sse_algorithm": "SSEAlgorithm", "kms_master_key_id": "KMSMasterKeyID"}
                ),
                "BucketKeyEnabled": truthy(rule.get("bucket_key_enabled") or False),
            }
        )
    props["BucketEncryption"] = {"ServerSideEncryptionConfiguration": rules}


_CANNED = {
    "private": "Private",
    "public-read": "PublicRead",
    "public-read-write": "PublicReadWrite",
    "authenticated-read": "AuthenticatedRead",
    "log-delivery-write": "LogDeliveryWrite",
    "bucket-owner-read": "BucketOwnerRead",
    "bucket-owner-full-control": "BucketOwnerFullControl",
    "aws-exec-read": "AwsExecRead",
}


def _canned(acl: Any) -> Any:
    return _CANNED.get(acl, acl) if isinstance(acl, str) else acl


def _ingress_entries(rule: Values, *, v4: str, v6: str, proto: str = "protocol") -> list[Props]:
    """One CloudFormation ingress entry per source, as CloudFormation (and the live API) lists them."""
    base = {"IpProtocol": str(rule.get(proto, "-1")) if rule.get(proto) is not None else "-1"}
    if isinstance(rule.get(proto), Unresolved):
        base["IpProtocol"] = rule[proto]
    for tf, cfn in (("from_port", "FromPort"), ("to_port", "ToPort")):
        if rule.get(tf) is not None:
            base[cfn] = rule[tf]
    if base["IpProtocol"] in ("-1", "all"):
        base.pop("FromPort", None)
        base.pop("ToPort", None)
    out = [{**base, "CidrIp": c} for c in items(rule.get(v4))]
    out += [{**base, "CidrIpv6": c} for c in items(rule.get(v6))]
    out += [{**base, "SourceSecurityGroupId": g} for g in items(rule.get("security_groups"))]
    if rule.get("referenced_security_group_id") is not None:
        out.append({**base, "SourceSecurityGroupId": rule["referenced_security_group_id"]})
    return out or [base]


def _security_group(v: Values) -> Props:
    ingress: list[Props] = []
    for rule in blocks(v.get("ingress")):
        ingress += _ingress_entries(rule, v4="cidr_blocks", v6="ipv6_cidr_blocks")
    props = pick(v, {"name": "GroupName", "description": "GroupDescription", "vpc_id": "VpcId"})
    return {**props, "SecurityGroupIngress": ingress, "Tags": tags(v.get("tags"))}


def _instance(v: Values) -> Props:
    props = pick(
        v,
        {
            "ami": "ImageId",
            "instance_type": "InstanceType",
            "key_name": "KeyName",
            "iam_instance_profile": "IamInstanceProfile",
            "user_data": "UserData",
            "subnet_id": "SubnetId",
        },
    )
    if isinstance(v.get("user_data"), str):
        props["UserData"] = base64.b64encode(v["user_data"].encode()).decode()  # as the API returns it
    elif v.get("user_data_base64") is not None:
        props["UserData"] = v["user_data_base64"]
    groups = items(v.get("vpc_security_group_ids")) + items(v.get("security_groups"))
    props["SecurityGroupIds"] = groups
    if v.get("associate_public_ip_address") is not None:
        props["NetworkInterfaces"] = [
            {"AssociatePublicIpAddress": truthy(v["associate_public_ip_address"]), "DeviceIndex": "0"}
        ]
    metadata = block(v.get("metadata_options"))
    if metadata:
        props["MetadataOptions"] = pick(
            metadata, {"http_tokens": "HttpTokens", "http_endpoint": "HttpEndpoint"}
        )
    props["Tags"] = tags(v.get("tags"))
    return props


def _launch_template(v: Values) -> Props:
    data: Props = pick(
        v, {"image_id": "ImageId", "key_name": "KeyName", "user_data": "UserData"}
    )  # base64 in both
    metadata = block(v.get("metadata_options"))
    if metadata:
        data["MetadataOptions"] = pick(
            metadata, {"http_tokens": "HttpTokens", "http_endpoint": "HttpEndpoint"}
        )
    return {**pick(v, {"name": "LaunchTemplateName"}), "LaunchTemplateData": data}


def _kms_key(v: Values) -> Props:
    props = pick(
        v,
        {
            "description": "Description",
            "enable_key_rotation": "EnableKeyRotation",
            "is_enabled": "Enabled",
            "customer_master_key_spec": "KeySpec",
        },
    )
    props.setdefault("EnableKeyRotation", False)
    if v.get("policy") is not None:
        props["KeyPolicy"] = document(v["policy"])
    return {**props, "Tags": tags(v.get("tags"))}


def _trail(v: Values) -> Props:
    props = pick(
        v,
        {
            "name": "TrailName",
            "s3_bucket_name": "S3BucketName",
            "kms_key_id": "KMSKeyId",
            "enable_log_file_validation": "EnableLogFileValidation",
            "is_multi_region_trail": "IsMultiRegionTrail",
            "enable_logging": "IsLogging",
        },
    )
    props.setdefault("EnableLogFileValidation", False)
    props.setdefault("IsMultiRegionTrail", False)
    props.setdefault("IsLogging", True)
    selectors = [
        {
            "ReadWriteType": s.get("read_write_type", "All"),
            "IncludeManagementEvents": s.get("include_management_events", True),
            "DataResources": [
                {"Type": d.get("type"), "Values": items(d.get("values"))}
                for d in blocks(s.get("data_resource"))
            ],
        }
        for s in blocks(v.get("event_selector"))
    ]
    if selectors:
        props["EventSelectors"] = selectors
    return props


_RDS = {
    "identifier": "DBInstanceIdentifier",
    "engine": "Engine",
    "storage_encrypted": "StorageEncrypted",
    "kms_key_id": "KmsKeyId",
    "publicly_accessible": "PubliclyAccessible",
    "cluster_identifier": "DBClusterIdentifier",
}


def _db_instance(v: Values) -> Props:
    props = pick(v, _RDS)
    props.setdefault("StorageEncrypted", False)
    props.setdefault("PubliclyAccessible", False)
    return {**props, "Tags": tags(v.get("tags"))}


def _db_cluster(v: Values) -> Props:
    props = pick(
        v, {"cluster_identifier": "DBClusterIdentifier", "engine": "Engine", "kms_key_id": "KmsKeyId"}
    )
    props["StorageEncrypted"] = v.get("storage_encrypted", False)
    return {**props, "Tags": tags(v.get("tags"))}


def _efs(v: Values) -> Props:
    props = pick(v, {"encrypted": "Encrypted", "kms_key_id": "KmsKeyId"})
    props.setdefault("Encrypted", False)
    return {**props, "FileSystemTags": tags(v.get("tags"))}


def _dynamodb(v: Values) -> Props:
    props = pick(v, {"name": "TableName"})
    sse = block(v.get("server_side_encryption"))
    if sse:
        enabled = truthy(sse.get("enabled"))
        props["SSESpecification"] = {"SSEEnabled": enabled}
        if enabled is True:
            props["SSESpecification"]["SSEType"] = "KMS"
            if sse.get("kms_key_arn") is not None:
                props["SSESpecification"]["KMSMasterKeyId"] = sse["kms_key_arn"]
    return {**props, "Tags": tags(v.get("tags"))}


def _topic(v: Values) -> Props:
    return {
        **pick(v, {"name": "TopicName", "kms_master_key_id": "KmsMasterKeyId"}),
        "Tags": tags(v.get("tags")),
    }


def _queue(v: Values) -> Props:
    props = pick(
        v,
        {
            "name": "QueueName",
            "kms_master_key_id": "KmsMasterKeyId",
            "sqs_managed_sse_enabled": "SqsManagedSseEnabled",
        },
    )
    return {**props, "Tags": tags(v.get("tags"))}


def _function(v: Values) -> Props:
    props = pick(
        v,
        {"function_name": "FunctionName", "role": "Role", "runtime": "Runtime", "kms_key_arn": "KmsKeyArn"},
    )
    env = block(v.get("environment"))
    if env:
        props["Environment"] = {"Variables": env.get("variables") or {}}
    return {**props, "Tags": tags(v.get("tags"))}


def _ecr(v: Values) -> Props:
    scan = block(v.get("image_scanning_configuration"))
    props = pick(v, {"name": "RepositoryName"})
    props["ImageScanningConfiguration"] = {"ScanOnPush": truthy(scan.get("scan_on_push", False))}
    return {**props, "Tags": tags(v.get("tags"))}


def _task_definition(v: Values) -> Props:
    containers = document(v.get("container_definitions"))
    return {
        **pick(v, {"family": "Family"}),
        "ContainerDefinitions": containers if containers is not None else [],
    }


def _inline_policies(value: Any) -> list[Props]:
    return [{"PolicyName": p.get("name"), "PolicyDocument": document(p.get("policy"))} for p in blocks(value)]


def _role(v: Values) -> Props:
    props = pick(v, {"name": "RoleName", "path": "Path", "permissions_boundary": "PermissionsBoundary"})
    if v.get("assume_role_policy") is not None:
        props["AssumeRolePolicyDocument"] = document(v["assume_role_policy"])
    if items(v.get("managed_policy_arns")):
        props["ManagedPolicyArns"] = items(v.get("managed_policy_arns"))
    if _inline_policies(v.get("inline_policy")):
        props["Policies"] = _inline_policies(v.get("inline_policy"))
    return {**props, "Tags": tags(v.get("tags"))}


def _user(v: Values) -> Props:
    props = pick(v, {"name": "UserName", "path": "Path", "permissions_boundary": "PermissionsBoundary"})
    return {**props, "Tags": tags(v.get("tags"))}


def _group(v: Values) -> Props:
    return pick(v, {"name": "GroupName", "path": "Path"})


def _managed_policy(v: Values) -> Props:
    props = pick(v, {"name": "ManagedPolicyName", "path": "Path"})
    props["PolicyDocument"] = document(v.get("policy"))
    return props


def _load_balancer(v: Values) -> Props:
    internal = truthy(v.get("internal", False))
    scheme = internal if isinstance(internal, Unresolved) else "internal" if internal else "internet-facing"
    return {
        **pick(v, {"name": "Name"}),
        "Scheme": scheme,
        "Type": v.get("load_balancer_type", "application"),
        "Tags": tags(v.get("tags")),
    }


def _listener(v: Values) -> Props:
    props = pick(
        v,
        {
            "protocol": "Protocol",
            "port": "Port",
            "ssl_policy": "SslPolicy",
            "load_balancer_arn": "LoadBalancerArn",
        },
    )
    actions = []
    for action in blocks(v.get("default_action")):
        entry: Props = {"Type": action.get("type")}
        redirect = block(action.get("redirect"))
        if redirect:
            entry["RedirectConfig"] = pick(
                redirect, {"protocol": "Protocol", "port": "Port", "status_code": "StatusCode"}
            )
        actions.append(entry)
    props["DefaultActions"] = actions
    return props


def _secret(v: Values) -> Props:
    return {**pick(v, {"name": "Name", "kms_key_id": "KmsKeyId"}), "Tags": tags(v.get("tags"))}


def _distribution(v: Values) -> Props:
    default = block(v.get("default_cache_behavior"))
    cert = block(v.get("viewer_certificate"))
    config: Props = {
        **pick(v, {"comment": "Comment"}),
        "Enabled": truthy(v.get("enabled", True)),
        "DefaultCacheBehavior": pick(default, {"viewer_protocol_policy": "ViewerProtocolPolicy"}),
        "CacheBehaviors": [
            pick(b, {"viewer_protocol_policy": "ViewerProtocolPolicy", "path_pattern": "PathPattern"})
            for b in blocks(v.get("ordered_cache_behavior"))
        ],
        "ViewerCertificate": pick(
            cert,
            {
                "cloudfront_default_certificate": "CloudFrontDefaultCertificate",
                "minimum_protocol_version": "MinimumProtocolVersion",
                "acm_certificate_arn": "AcmCertificateArn",
            },
        ),
    }
    if v.get("web_acl_id") is not None:
        config["WebACLId"] = v["web_acl_id"]
    return {"DistributionConfig": config, "Tags": tags(v.get("tags"))}


def _api_domain(v: Values) -> Props:
    return pick(v, {"domain_name": "DomainName", "security_policy": "SecurityPolicy"})


def _api_stage(v: Values) -> Props:
    return {**pick(v, {"stage_name": "StageName", "rest_api_id": "RestApiId"}), "Tags": tags(v.get("tags"))}


def _vpc(v: Values) -> Props:
    return {**pick(v, {"cidr_block": "CidrBlock"}), "Tags": tags(v.get("tags"))}


def _subnet(v: Values) -> Props:
    return {
        **pick(
            v,
            {"vpc_id": "VpcId", "cidr_block": "CidrBlock", "map_public_ip_on_launch": "MapPublicIpOnLaunch"},
        ),
        "Tags": tags(v.get("tags")),
    }


def _flow_log(v: Values) -> Props:
    resource = next((v[k] for k in ("vpc_id", "subnet_id", "eni_id") if v.get(k) is not None), None)
    return {**pick(v, {"traffic_type": "TrafficType"}), "ResourceId": resource}


def _vpc_endpoint(v: Values) -> Props:
    return pick(v, {"vpc_id": "VpcId", "service_name": "ServiceName", "vpc_endpoint_type": "VpcEndpointType"})


def _detector(v: Values) -> Props:
    return {"Enable": truthy(v.get("enable", True))}


MAIN: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_s3_bucket": ("AWS::S3::Bucket", _bucket),
    "aws_security_group": ("AWS::EC2::SecurityGroup", _security_group),
    "aws_instance": ("AWS::EC2::Instance", _instance),
    "aws_launch_template": ("AWS::EC2::LaunchTemplate", _launch_template),
    "aws_ebs_volume": (
        "AWS::EC2::Volume",
        lambda v: {
            **pick(v, {"encrypted": "Encrypted", "size": "Size", "kms_key_id": "KmsKeyId"}),
            "Tags": tags(v.get("tags")),
        },
    ),
    "aws_kms_key": ("AWS::KMS::Key", _kms_key),
    "aws_cloudtrail": ("AWS::CloudTrail::Trail", _trail),
    "aws_db_instance": ("AWS::RDS::DBInstance", _db_instance),
    "aws_rds_cluster": ("AWS::RDS::DBCluster", _db_cluster),
    "aws_efs_file_system": ("AWS::EFS::FileSystem", _efs),
    "aws_dynamodb_table": ("AWS::DynamoDB::Table", _dynamodb),
    "aws_sns_topic": ("AWS::SNS::Topic", _topic),
    "aws_sqs_queue": ("AWS::SQS::Queue", _queue),
    "aws_lambda_function": ("AWS::Lambda::Function", _function),
    "aws_ecr_repository": ("AWS::ECR::Repository", _ecr),
    "aws_ecs_task_definition": ("AWS::ECS::TaskDefinition", _task_definition),
    "aws_iam_role": ("AWS::IAM::Role", _role),
    "aws_iam_user": ("AWS::IAM::User", _user),
    "aws_iam_group": ("AWS::IAM::Group", _group),
    "aws_iam_policy": ("AWS::IAM::ManagedPolicy", _managed_policy),
    "aws_lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", _load_balancer),
    "aws_alb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", _load_balancer),
    "aws_lb_listener": ("AWS::ElasticLoadBalancingV2::Listener", _listener),
    "aws_alb_listener": ("AWS::ElasticLoadBalancingV2::Listener", _listener),
    "aws_secretsmanager_secret": ("AWS::SecretsManager::Secret", _secret),
    "aws_cloudfront_distribution": ("AWS::CloudFront::Distribution", _distribution),
    "aws_api_gateway_domain_name": ("AWS::ApiGateway::DomainName", _api_domain),
    "aws_api_gateway_stage": ("AWS::ApiGateway::Stage", _api_stage),
    "aws_vpc": ("AWS::EC2::VPC", _vpc),
    "aws_subnet": ("AWS::EC2::Subnet", _subnet),
    "aws_flow_log": ("AWS::EC2::FlowLog", _flow_log),
    "aws_vpc_endpoint": ("AWS::EC2::VPCEndpoint", _vpc_endpoint),
    "aws_guardduty_detector": ("AWS::GuardDuty::Detector", _detector),
}


@dataclass(frozen=True)
class Fold:
    """A split resource: the attribute naming its parent, the parent types, and how it merges in."""

    link: str
    parents: tuple[str, ...]
    merge: Callable[[Props, Values], None] | None = None
    """Change the parent's properties in place."""
    separate: tuple[str, Callable[[Props, Values], Props]] | None = None
    """Or become a CloudFormation resource of its own: (type, parent props + child values -> props)."""


def _append(key: str, make: Callable[[Values], list[Any]]) -> Callable[[Props, Values], None]:
    def merge(props: Props, v: Values) -> None:
        props[key] = [*items(props.get(key)), *make(v)]

    return merge


def _set(key: str, make: Callable[[Values], Any]) -> Callable[[Props, Values], None]:
    def merge(props: Props, v: Values) -> None:
        props[key] = make(v)

    return merge


def _sg_rule(v: Values) -> list[Props]:
    if v.get("type") != "ingress":
        return []
    return _ingress_entries(v, v4="cidr_blocks", v6="ipv6_cidr_blocks")


def _sg_ingress_rule(v: Values) -> list[Props]:
    return _ingress_entries(v, v4="cidr_ipv4", v6="cidr_ipv6", proto="ip_protocol")


def _pab(v: Values) -> Props:
    return pick(
        v,
        {
            "block_public_acls": "BlockPublicAcls",
            "block_public_policy": "BlockPublicPolicy",
            "ignore_public_acls": "IgnorePublicAcls",
            "restrict_public_buckets": "RestrictPublicBuckets",
        },
    )


def _bucket_sse(props: Props, v: Values) -> None:
    _sse(props, v)


def _login_profile(v: Values) -> Props:
    return {"PasswordResetRequired": v.get("password_reset_required", True)}


def _inline(v: Values) -> list[Props]:
    return [{"PolicyName": v.get("name"), "PolicyDocument": document(v.get("policy"))}]


def _bucket_name(parent: Props) -> Any:
    return parent.get("BucketName")


FOLDS: dict[str, Fold] = {
    "aws_s3_bucket_server_side_encryption_configuration": Fold("bucket", ("aws_s3_bucket",), _bucket_sse),
    "aws_s3_bucket_public_access_block": Fold(
        "bucket", ("aws_s3_bucket",), _set("PublicAccessBlockConfiguration", _pab)
    ),
    "aws_s3_bucket_versioning": Fold(
        "bucket",
        ("aws_s3_bucket",),
        _set(
            "VersioningConfiguration",
            lambda v: {"Status": block(v.get("versioning_configuration")).get("status")},
        ),
    ),
    "aws_s3_bucket_logging": Fold(
        "bucket",
        ("aws_s3_bucket",),
        _set(
            "LoggingConfiguration",
            lambda v: pick(v, {"target_bucket": "DestinationBucketName", "target_prefix": "LogFilePrefix"}),
        ),
    ),
    "aws_s3_bucket_acl": Fold(
        "bucket", ("aws_s3_bucket",), _set("AccessControl", lambda v: _canned(v.get("acl")))
    ),
    "aws_s3_bucket_policy": Fold(
        "bucket",
        ("aws_s3_bucket",),
        separate=(
            "AWS::S3::BucketPolicy",
            lambda p, v: {"Bucket": p["__key__"], "PolicyDocument": document(v.get("policy"))},
        ),
    ),
    "aws_security_group_rule": Fold(
        "security_group_id", ("aws_security_group",), _append("SecurityGroupIngress", _sg_rule)
    ),
    "aws_vpc_security_group_ingress_rule": Fold(
        "security_group_id", ("aws_security_group",), _append("SecurityGroupIngress", _sg_ingress_rule)
    ),
    "aws_iam_role_policy_attachment": Fold(
        "role", ("aws_iam_role",), _append("ManagedPolicyArns", lambda v: [v.get("policy_arn")])
    ),
    "aws_iam_role_policy": Fold("role", ("aws_iam_role",), _append("Policies", _inline)),
    "aws_iam_user_policy_attachment": Fold(
        "user", ("aws_iam_user",), _append("ManagedPolicyArns", lambda v: [v.get("policy_arn")])
    ),
    "aws_iam_user_policy": Fold("user", ("aws_iam_user",), _append("Policies", _inline)),
    "aws_iam_user_login_profile": Fold("user", ("aws_iam_user",), _set("LoginProfile", _login_profile)),
    "aws_iam_group_policy_attachment": Fold(
        "group", ("aws_iam_group",), _append("ManagedPolicyArns", lambda v: [v.get("policy_arn")])
    ),
    "aws_kms_key_policy": Fold(
        "key_id", ("aws_kms_key",), _set("KeyPolicy", lambda v: document(v.get("policy")))
    ),
    "aws_ecr_repository_policy": Fold(
        "repository",
        ("aws_ecr_repository",),
        _set("RepositoryPolicyText", lambda v: document(v.get("policy"))),
    ),
    "aws_sqs_queue_policy": Fold(
        "queue_url",
        ("aws_sqs_queue",),
        separate=(
            "AWS::SQS::QueuePolicy",
            lambda p, v: {"Queues": [p["__key__"]], "PolicyDocument": document(v.get("policy"))},
        ),
    ),
    "aws_sns_topic_policy": Fold(
        "arn",
        ("aws_sns_topic",),
        separate=(
            "AWS::SNS::TopicPolicy",
            lambda p, v: {"Topics": [p["__key__"]], "PolicyDocument": document(v.get("policy"))},
        ),
    ),
    "aws_secretsmanager_secret_policy": Fold(
        "secret_arn",
        ("aws_secretsmanager_secret",),
        separate=(
            "AWS::SecretsManager::ResourcePolicy",
            lambda p, v: {"SecretId": p["__key__"], "ResourcePolicy": document(v.get("policy"))},
        ),
    ),
}
"""Split resources folded into (or placed beside) the resource they belong to."""

IDENTITY_ATTRIBUTES = {"aws_s3_bucket": "bucket"}
"""Types whose ``id`` is a configured attribute (a bucket's id is its name)."""
