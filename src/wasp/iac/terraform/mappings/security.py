"""Security and messaging ``aws_*`` types in CloudFormation shape: IAM, KMS, CloudTrail, Secrets Manager, SNS, SQS, GuardDuty."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, blocks, document, items, pick, tags, truthy


def kms_key(v: Values) -> Props:
    """``aws_kms_key`` as ``AWS::KMS::Key``."""
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


def trail(v: Values) -> Props:
    """``aws_cloudtrail`` as ``AWS::CloudTrail::Trail``."""
    props = pick(
        v,
        {
            "name": "TrailName",
            "s3_bucket_name": "S3BucketName",
            "kms_key_id": "KMSKeyId",
            "enable_log_file_validation": "EnableLogFileValidation",
            "is_multi_region_trail": "IsMultiRegionTrail",
            "enable_logging": "IsLogging",
            "cloud_watch_logs_group_arn": "CloudWatchLogsLogGroupArn",
            "cloud_watch_logs_role_arn": "CloudWatchLogsRoleArn",
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


def topic(v: Values) -> Props:
    """``aws_sns_topic`` as ``AWS::SNS::Topic``."""
    return {
        **pick(v, {"name": "TopicName", "kms_master_key_id": "KmsMasterKeyId"}),
        "Tags": tags(v.get("tags")),
    }


def queue(v: Values) -> Props:
    """``aws_sqs_queue`` as ``AWS::SQS::Queue``."""
    props = pick(
        v,
        {
            "name": "QueueName",
            "kms_master_key_id": "KmsMasterKeyId",
            "sqs_managed_sse_enabled": "SqsManagedSseEnabled",
        },
    )
    return {**props, "Tags": tags(v.get("tags"))}


def inline_policies(value: Any) -> list[Props]:
    """``inline_policy`` blocks as CloudFormation's ``Policies``."""
    return [{"PolicyName": p.get("name"), "PolicyDocument": document(p.get("policy"))} for p in blocks(value)]


def role(v: Values) -> Props:
    """``aws_iam_role`` as ``AWS::IAM::Role``."""
    props = pick(v, {"name": "RoleName", "path": "Path", "permissions_boundary": "PermissionsBoundary"})
    if v.get("assume_role_policy") is not None:
        props["AssumeRolePolicyDocument"] = document(v["assume_role_policy"])
    if items(v.get("managed_policy_arns")):
        props["ManagedPolicyArns"] = items(v.get("managed_policy_arns"))
    if inline_policies(v.get("inline_policy")):
        props["Policies"] = inline_policies(v.get("inline_policy"))
    return {**props, "Tags": tags(v.get("tags"))}


def user(v: Values) -> Props:
    """``aws_iam_user`` as ``AWS::IAM::User``."""
    props = pick(v, {"name": "UserName", "path": "Path", "permissions_boundary": "PermissionsBoundary"})
    return {**props, "Tags": tags(v.get("tags"))}


def group(v: Values) -> Props:
    """``aws_iam_group`` as ``AWS::IAM::Group``."""
    return pick(v, {"name": "GroupName", "path": "Path"})


def managed_policy(v: Values) -> Props:
    """``aws_iam_policy`` as ``AWS::IAM::ManagedPolicy``."""
    props = pick(v, {"name": "ManagedPolicyName", "path": "Path"})
    props["PolicyDocument"] = document(v.get("policy"))
    return props


def secret(v: Values) -> Props:
    """``aws_secretsmanager_secret`` as ``AWS::SecretsManager::Secret``."""
    return {**pick(v, {"name": "Name", "kms_key_id": "KmsKeyId"}), "Tags": tags(v.get("tags"))}


def detector(v: Values) -> Props:
    """``aws_guardduty_detector`` as ``AWS::GuardDuty::Detector``."""
    return {"Enable": truthy(v.get("enable", True))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_kms_key": ("AWS::KMS::Key", kms_key),
    "aws_cloudtrail": ("AWS::CloudTrail::Trail", trail),
    "aws_sns_topic": ("AWS::SNS::Topic", topic),
    "aws_sqs_queue": ("AWS::SQS::Queue", queue),
    "aws_iam_role": ("AWS::IAM::Role", role),
    "aws_iam_user": ("AWS::IAM::User", user),
    "aws_iam_group": ("AWS::IAM::Group", group),
    "aws_iam_policy": ("AWS::IAM::ManagedPolicy", managed_policy),
    "aws_secretsmanager_secret": ("AWS::SecretsManager::Secret", secret),
    "aws_guardduty_detector": ("AWS::GuardDuty::Detector", detector),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
