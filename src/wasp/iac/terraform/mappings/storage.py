"""Storage ``aws_*`` types in CloudFormation shape: S3, RDS, EFS, DynamoDB, ECR."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, block, blocks, pick, tags, truthy


def bucket(v: Values) -> Props:
    """``aws_s3_bucket`` as ``AWS::S3::Bucket``."""
    props: Props = {"BucketName": v.get("bucket"), "Tags": tags(v.get("tags"))}
    if v.get("bucket") is None:
        props.pop("BucketName")
    legacy = block(v.get("server_side_encryption_configuration"))
    if legacy:
        sse(props, legacy)
    if v.get("acl") is not None:
        props["AccessControl"] = canned(v["acl"])
    versioning = block(v.get("versioning"))
    if versioning:
        props["VersioningConfiguration"] = {"Status": "Enabled" if versioning.get("enabled") else "Suspended"}
        if versioning.get("mfa_delete") is not None:
            mfa = truthy(versioning["mfa_delete"])
            props["VersioningConfiguration"]["MfaDelete"] = (
                ("Enabled" if mfa else "Disabled") if isinstance(mfa, bool) else mfa
            )
    logging = block(v.get("logging"))
    if logging:
        props["LoggingConfiguration"] = pick(
            logging, {"target_bucket": "DestinationBucketName", "target_prefix": "LogFilePrefix"}
        )
    lock = object_lock(v)
    if lock is not None:
        props["ObjectLockEnabled"] = lock
    retention = lock_retention(block(v.get("object_lock_configuration")))
    if retention is not None:
        props["ObjectLockConfiguration"] = retention
    rules = [lifecycle_rule(r) for r in blocks(v.get("lifecycle_rule"))]
    if rules:
        props["LifecycleConfiguration"] = {"Rules": rules}
    return props


def object_lock(v: Values) -> Any:
    """Object Lock as a boolean: ``object_lock_enabled`` (provider v4+) or the v3 ``object_lock_configuration``
    block; None when neither is written."""
    if v.get("object_lock_enabled") is not None:
        return truthy(v["object_lock_enabled"])
    legacy = block(v.get("object_lock_configuration"))
    if legacy.get("object_lock_enabled") is not None:
        state = legacy["object_lock_enabled"]
        return state == "Enabled" if isinstance(state, str) else state
    return None


def lock_retention(v: Values) -> Props | None:
    """An Object Lock ``rule { default_retention { mode days years } }`` (the v3 inline block or the split
    ``aws_s3_bucket_object_lock_configuration``) as CloudFormation's ``ObjectLockConfiguration``; None without one."""
    default = block(block(v.get("rule")).get("default_retention"))
    if not default:
        return None
    retention = pick(default, {"mode": "Mode", "days": "Days", "years": "Years"})
    return {"ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": retention}}


def lifecycle_rule(rule: Values) -> Props:
    """A lifecycle rule (inline ``lifecycle_rule`` with ``enabled``, or the split resource's ``rule`` with
    ``status``) as a CloudFormation lifecycle rule with its Status."""
    if rule.get("status") is not None:
        status = rule["status"]
    else:
        enabled = truthy(rule.get("enabled", True))
        status = enabled if not isinstance(enabled, bool) else ("Enabled" if enabled else "Disabled")
    return {**pick(rule, {"id": "Id", "prefix": "Prefix"}), "Status": status}


def sse(props: Props, v: Values) -> None:
    """Server-side encryption rules as ``BucketEncryption`` (inline block or the split resource)."""
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


def canned(acl: Any) -> Any:
    """A canned ACL as CloudFormation's ``AccessControl`` value."""
    return _CANNED.get(acl, acl) if isinstance(acl, str) else acl


_RDS = {
    "identifier": "DBInstanceIdentifier",
    "engine": "Engine",
    "storage_encrypted": "StorageEncrypted",
    "kms_key_id": "KmsKeyId",
    "publicly_accessible": "PubliclyAccessible",
    "cluster_identifier": "DBClusterIdentifier",
    "engine_version": "EngineVersion",
    "iam_database_authentication_enabled": "EnableIAMDatabaseAuthentication",
    "deletion_protection": "DeletionProtection",
    "monitoring_interval": "MonitoringInterval",
    "enabled_cloudwatch_logs_exports": "EnableCloudwatchLogsExports",
    "backup_retention_period": "BackupRetentionPeriod",
    "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
    "ca_cert_identifier": "CACertificateIdentifier",
    "parameter_group_name": "DBParameterGroupName",
    "performance_insights_enabled": "EnablePerformanceInsights",
    "performance_insights_kms_key_id": "PerformanceInsightsKMSKeyId",
    "copy_tags_to_snapshot": "CopyTagsToSnapshot",
}


def db_instance(v: Values) -> Props:
    """``aws_db_instance`` as ``AWS::RDS::DBInstance``."""
    props = pick(v, _RDS)
    props.setdefault("StorageEncrypted", False)
    props.setdefault("PubliclyAccessible", False)
    return {**props, "Tags": tags(v.get("tags"))}


_CLUSTER = {
    "cluster_identifier": "DBClusterIdentifier",
    "engine": "Engine",
    "engine_version": "EngineVersion",
    "kms_key_id": "KmsKeyId",
    "iam_database_authentication_enabled": "EnableIAMDatabaseAuthentication",
    "deletion_protection": "DeletionProtection",
    "enabled_cloudwatch_logs_exports": "EnableCloudwatchLogsExports",
    "backup_retention_period": "BackupRetentionPeriod",
    "db_cluster_parameter_group_name": "DBClusterParameterGroupName",
    "copy_tags_to_snapshot": "CopyTagsToSnapshot",
}


def db_cluster(v: Values) -> Props:
    """``aws_rds_cluster`` as ``AWS::RDS::DBCluster``."""
    props = pick(v, _CLUSTER)
    props["StorageEncrypted"] = v.get("storage_encrypted", False)
    return {**props, "Tags": tags(v.get("tags"))}


def efs(v: Values) -> Props:
    """``aws_efs_file_system`` as ``AWS::EFS::FileSystem``."""
    props = pick(v, {"encrypted": "Encrypted", "kms_key_id": "KmsKeyId"})
    props.setdefault("Encrypted", False)
    return {**props, "FileSystemTags": tags(v.get("tags"))}


def dynamodb(v: Values) -> Props:
    """``aws_dynamodb_table`` as ``AWS::DynamoDB::Table``."""
    props = pick(v, {"name": "TableName"})
    sse = block(v.get("server_side_encryption"))
    if sse:
        enabled = truthy(sse.get("enabled"))
        props["SSESpecification"] = {"SSEEnabled": enabled}
        if enabled is True:
            props["SSESpecification"]["SSEType"] = "KMS"
            if sse.get("kms_key_arn") is not None:
                props["SSESpecification"]["KMSMasterKeyId"] = sse["kms_key_arn"]
    pitr = block(v.get("point_in_time_recovery"))
    props["PointInTimeRecoverySpecification"] = {
        "PointInTimeRecoveryEnabled": truthy(pitr.get("enabled", False)) if pitr else False
    }
    return {**props, "Tags": tags(v.get("tags"))}


def ecr(v: Values) -> Props:
    """``aws_ecr_repository`` as ``AWS::ECR::Repository``."""
    scan = block(v.get("image_scanning_configuration"))
    props = pick(v, {"name": "RepositoryName", "image_tag_mutability": "ImageTagMutability"})
    props["ImageScanningConfiguration"] = {"ScanOnPush": truthy(scan.get("scan_on_push", False))}
    encryption = block(v.get("encryption_configuration"))
    if encryption:
        props["EncryptionConfiguration"] = pick(
            encryption, {"encryption_type": "EncryptionType", "kms_key": "KmsKey"}
        )
    return {**props, "Tags": tags(v.get("tags"))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_s3_bucket": ("AWS::S3::Bucket", bucket),
    "aws_db_instance": ("AWS::RDS::DBInstance", db_instance),
    "aws_rds_cluster": ("AWS::RDS::DBCluster", db_cluster),
    "aws_efs_file_system": ("AWS::EFS::FileSystem", efs),
    "aws_dynamodb_table": ("AWS::DynamoDB::Table", dynamodb),
    "aws_ecr_repository": ("AWS::ECR::Repository", ecr),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
