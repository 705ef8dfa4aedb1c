"""Other data-service ``aws_*`` types in CloudFormation shape: Transfer Family, AppSync, WorkSpaces,
Batch, FSx, Image Builder, CodeArtifact, EventBridge Scheduler, EFS access points, S3 access points, Data
Lifecycle Manager policies and the region's EBS encryption-by-default setting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, block, blocks, document, items, pick, tags, truthy
from wasp.model import Unresolved


def _plain(**names: str) -> Callable[[Values], Props]:
    """A mapping that renames the given attributes (``tf=CfnName``) and the tags."""

    def mapping(v: Values) -> Props:
        return {**pick(v, names), "Tags": tags(v.get("tags"))}

    return mapping


def _flags(v: Values, names: dict[str, str]) -> Props:
    """Boolean attributes that are set, as booleans."""
    return {cfn: truthy(v[tf]) for tf, cfn in names.items() if v.get(tf) is not None}


def transfer_server(v: Values) -> Props:
    """``aws_transfer_server`` as ``AWS::Transfer::Server``."""
    props = pick(v, {"endpoint_type": "EndpointType", "security_policy_name": "SecurityPolicyName"})
    if v.get("protocols") is not None:
        props["Protocols"] = items(v["protocols"])
    return {**props, "Tags": tags(v.get("tags"))}


def graphql_api(v: Values) -> Props:
    """``aws_appsync_graphql_api`` as ``AWS::AppSync::GraphQLApi``."""
    props = pick(v, {"name": "Name", "authentication_type": "AuthenticationType", "visibility": "Visibility"})
    log = block(v.get("log_config"))
    if log:
        props["LogConfig"] = pick(
            log, {"cloudwatch_logs_role_arn": "CloudWatchLogsRoleArn", "field_log_level": "FieldLogLevel"}
        )
    return props


def api_cache(v: Values) -> Props:
    """``aws_appsync_api_cache`` as ``AWS::AppSync::ApiCache``."""
    flags = {
        "at_rest_encryption_enabled": "AtRestEncryptionEnabled",
        "transit_encryption_enabled": "TransitEncryptionEnabled",
    }
    return {**pick(v, {"api_id": "ApiId", "type": "Type"}), **_flags(v, flags)}


def workspace(v: Values) -> Props:
    """``aws_workspaces_workspace`` as ``AWS::WorkSpaces::Workspace``."""
    flags = {
        "root_volume_encryption_enabled": "RootVolumeEncryptionEnabled",
        "user_volume_encryption_enabled": "UserVolumeEncryptionEnabled",
    }
    props = pick(v, {"user_name": "UserName", "volume_encryption_key": "VolumeEncryptionKey"})
    return {**props, **_flags(v, flags), "Tags": tags(v.get("tags"))}


def job_definition(v: Values) -> Props:
    """``aws_batch_job_definition`` as ``AWS::Batch::JobDefinition`` (its container properties are JSON)."""
    container: Any = document(v.get("container_properties"))
    props = pick(v, {"name": "JobDefinitionName", "type": "Type"})
    if isinstance(container, dict):
        props["ContainerProperties"] = {
            "Image": container.get("image"),
            "Privileged": container.get("privileged"),
        }
    elif isinstance(container, Unresolved):
        props["ContainerProperties"] = container
    return props


def _fsx(kind: str) -> Callable[[Values], Props]:
    def mapping(v: Values) -> Props:
        return {"FileSystemType": kind, **pick(v, {"kms_key_id": "KmsKeyId"}), "Tags": tags(v.get("tags"))}

    mapping.__doc__ = f"An FSx for {kind} file system as ``AWS::FSx::FileSystem``."
    return mapping


def image_recipe(v: Values) -> Props:
    """``aws_imagebuilder_image_recipe`` as ``AWS::ImageBuilder::ImageRecipe`` (EBS block device mappings)."""
    mappings = []
    for device in blocks(v.get("block_device_mapping")):
        ebs = block(device.get("ebs"))
        if ebs:
            mapping: Props = {
                "Ebs": pick(ebs, {"kms_key_id": "KmsKeyId"}),
                **pick(device, {"device_name": "DeviceName"}),
            }
            mapping["Ebs"].update(_flags(ebs, {"encrypted": "Encrypted"}))
            mappings.append(mapping)
    return {**pick(v, {"name": "Name"}), "BlockDeviceMappings": mappings, "Tags": tags(v.get("tags"))}


def efs_access_point(v: Values) -> Props:
    """``aws_efs_access_point`` as ``AWS::EFS::AccessPoint``."""
    props = pick(v, {"file_system_id": "FileSystemId"})
    root = block(v.get("root_directory"))
    if root:
        props["RootDirectory"] = pick(root, {"path": "Path"})
    user = block(v.get("posix_user"))
    if user:
        props["PosixUser"] = pick(user, {"uid": "Uid", "gid": "Gid"})
    return props


_FLAGS = {
    "block_public_acls": "BlockPublicAcls",
    "block_public_policy": "BlockPublicPolicy",
    "ignore_public_acls": "IgnorePublicAcls",
    "restrict_public_buckets": "RestrictPublicBuckets",
}


def s3_access_point(v: Values) -> Props:
    """``aws_s3_access_point`` as ``AWS::S3::AccessPoint`` (each Block Public Access setting defaults to on)."""
    props = pick(v, {"name": "Name", "bucket": "Bucket"})
    settings = block(v.get("public_access_block_configuration"))
    if settings:
        props["PublicAccessBlockConfiguration"] = _flags(settings, _FLAGS)
    return props


def _copy_rule(rule: Values) -> Props:
    """A schedule's ``cross_region_copy_rule`` as a CrossRegionCopyRules entry."""
    return {
        **pick(rule, {"target": "TargetRegion", "cmk_arn": "CmkArn"}),
        **_flags(rule, {"encrypted": "Encrypted"}),
    }


def _event_copy(copy: Values) -> Props:
    """An action's ``cross_region_copy`` as a CrossRegionCopy entry with its EncryptionConfiguration."""
    encryption = block(copy.get("encryption_configuration"))
    settings = {**pick(encryption, {"cmk_arn": "CmkArn"}), **_flags(encryption, {"encrypted": "Encrypted"})}
    return {**pick(copy, {"target": "Target"}), "EncryptionConfiguration": settings}


def dlm_policy(v: Values) -> Props:
    """``aws_dlm_lifecycle_policy`` as ``AWS::DLM::LifecyclePolicy`` (the cross-region copies the rules read)."""
    details = block(v.get("policy_details"))
    schedules = [
        {
            "Name": s.get("name"),
            "CrossRegionCopyRules": [_copy_rule(r) for r in blocks(s.get("cross_region_copy_rule"))],
        }
        for s in blocks(details.get("schedule"))
    ]
    actions = [
        {
            "Name": a.get("name"),
            "CrossRegionCopy": [_event_copy(c) for c in blocks(a.get("cross_region_copy"))],
        }
        for a in blocks(details.get("action"))
    ]
    return {
        **pick(v, {"description": "Description"}),
        "PolicyDetails": {"Schedules": schedules, "Actions": actions},
        "Tags": tags(v.get("tags")),
    }


def ebs_default(v: Values) -> Props:
    """``aws_ebs_encryption_by_default`` (no CloudFormation type) as ``WASP::EC2::EbsEncryptionByDefault``."""
    return {"Enabled": truthy(v["enabled"]) if v.get("enabled") is not None else True}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_transfer_server": ("AWS::Transfer::Server", transfer_server),
    "aws_appsync_graphql_api": ("AWS::AppSync::GraphQLApi", graphql_api),
    "aws_appsync_api_cache": ("AWS::AppSync::ApiCache", api_cache),
    "aws_workspaces_workspace": ("AWS::WorkSpaces::Workspace", workspace),
    "aws_batch_job_definition": ("AWS::Batch::JobDefinition", job_definition),
    "aws_fsx_lustre_file_system": ("AWS::FSx::FileSystem", _fsx("LUSTRE")),
    "aws_fsx_windows_file_system": ("AWS::FSx::FileSystem", _fsx("WINDOWS")),
    "aws_fsx_ontap_file_system": ("AWS::FSx::FileSystem", _fsx("ONTAP")),
    "aws_fsx_openzfs_file_system": ("AWS::FSx::FileSystem", _fsx("OPENZFS")),
    "aws_imagebuilder_component": (
        "AWS::ImageBuilder::Component",
        _plain(name="Name", kms_key_id="KmsKeyId"),
    ),
    "aws_imagebuilder_image_recipe": ("AWS::ImageBuilder::ImageRecipe", image_recipe),
    "aws_codeartifact_domain": (
        "AWS::CodeArtifact::Domain",
        _plain(domain="DomainName", encryption_key="EncryptionKey"),
    ),
    "aws_scheduler_schedule": ("AWS::Scheduler::Schedule", _plain(name="Name", kms_key_arn="KmsKeyArn")),
    "aws_efs_access_point": ("AWS::EFS::AccessPoint", efs_access_point),
    "aws_s3_access_point": ("AWS::S3::AccessPoint", s3_access_point),
    "aws_dlm_lifecycle_policy": ("AWS::DLM::LifecyclePolicy", dlm_policy),
    "aws_ebs_encryption_by_default": ("WASP::EC2::EbsEncryptionByDefault", ebs_default),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
