"""Security configurations of data and audit services in CloudFormation shape: EMR and Glue security
configurations, SageMaker endpoint configurations, Image Builder distributions, CloudTrail Lake event data
stores, Amazon Connect storage, SES configuration sets, and AWS Config recorders and aggregators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, block, blocks, document, items, pick, tags, truthy


def emr_security_configuration(v: Values) -> Props:
    """``aws_emr_security_configuration`` as ``AWS::EMR::SecurityConfiguration`` (the JSON configuration as an object)."""
    return {**pick(v, {"name": "Name"}), "SecurityConfiguration": document(v.get("configuration"))}


def glue_security_configuration(v: Values) -> Props:
    """``aws_glue_security_configuration`` as ``AWS::Glue::SecurityConfiguration``."""
    enc = block(v.get("encryption_configuration"))
    watch = block(enc.get("cloudwatch_encryption"))
    marks = block(enc.get("job_bookmarks_encryption"))
    s3 = block(enc.get("s3_encryption"))
    return {
        **pick(v, {"name": "Name"}),
        "EncryptionConfiguration": {
            "CloudWatchEncryption": {
                "CloudWatchEncryptionMode": watch.get("cloudwatch_encryption_mode", "DISABLED"),
                **pick(watch, {"kms_key_arn": "KmsKeyArn"}),
            },
            "JobBookmarksEncryption": {
                "JobBookmarksEncryptionMode": marks.get("job_bookmarks_encryption_mode", "DISABLED"),
                **pick(marks, {"kms_key_arn": "KmsKeyArn"}),
            },
            "S3Encryptions": [
                {
                    "S3EncryptionMode": s3.get("s3_encryption_mode", "DISABLED"),
                    **pick(s3, {"kms_key_arn": "KmsKeyArn"}),
                }
            ],
        },
    }


def sagemaker_endpoint_config(v: Values) -> Props:
    """``aws_sagemaker_endpoint_configuration`` as ``AWS::SageMaker::EndpointConfig``."""
    return {**pick(v, {"name": "EndpointConfigName", "kms_key_arn": "KmsKeyId"}), "Tags": tags(v.get("tags"))}


def imagebuilder_distribution(v: Values) -> Props:
    """``aws_imagebuilder_distribution_configuration`` as ``AWS::ImageBuilder::DistributionConfiguration``."""
    distributions = []
    for d in blocks(v.get("distribution")):
        ami = block(d.get("ami_distribution_configuration"))
        entry: dict[str, Any] = pick(d, {"region": "Region"})
        if ami:
            entry["AmiDistributionConfiguration"] = pick(ami, {"name": "Name", "kms_key_id": "KmsKeyId"})
        distributions.append(entry)
    return {**pick(v, {"name": "Name"}), "Distributions": distributions}


def event_data_store(v: Values) -> Props:
    """``aws_cloudtrail_event_data_store`` as ``AWS::CloudTrail::EventDataStore``."""
    return pick(v, {"name": "Name", "kms_key_id": "KmsKeyId", "multi_region_enabled": "MultiRegionEnabled"})


def _encryption(config: dict[str, Any]) -> dict[str, Any]:
    enc = block(config.get("encryption_config"))
    return pick(enc, {"encryption_type": "EncryptionType", "key_id": "KeyId"})


def connect_storage(v: Values) -> Props:
    """``aws_connect_instance_storage_config`` as ``AWS::Connect::InstanceStorageConfig``."""
    storage = block(v.get("storage_config"))
    props: Props = {
        **pick(v, {"resource_type": "ResourceType"}),
        **pick(storage, {"storage_type": "StorageType"}),
    }
    s3 = block(storage.get("s3_config"))
    if s3:
        props["S3Config"] = {**pick(s3, {"bucket_name": "BucketName"}), "EncryptionConfig": _encryption(s3)}
    video = block(storage.get("kinesis_video_stream_config"))
    if video:
        props["KinesisVideoStreamConfig"] = {
            **pick(video, {"prefix": "Prefix"}),
            "EncryptionConfig": _encryption(video),
        }
    return props


def ses_configuration_set(v: Values) -> Props:
    """``aws_ses_configuration_set`` / ``aws_sesv2_configuration_set`` as ``AWS::SES::ConfigurationSet``."""
    delivery = block(v.get("delivery_options"))
    policy = delivery.get("tls_policy", "Optional")
    return {
        **pick(v, {"name": "Name", "configuration_set_name": "Name"}),
        "DeliveryOptions": {"TlsPolicy": policy.upper() if isinstance(policy, str) else policy},
    }


def config_recorder(v: Values) -> Props:
    """``aws_config_configuration_recorder`` as ``AWS::Config::ConfigurationRecorder`` (no recording_group: all
    supported types, as AWS records by default)."""
    group = block(v.get("recording_group"))
    return {
        **pick(v, {"name": "Name", "role_arn": "RoleARN"}),
        "RecordingGroup": {
            "AllSupported": truthy(group.get("all_supported", True)),
            "IncludeGlobalResourceTypes": truthy(group.get("include_global_resource_types", False)),
            "ResourceTypes": items(group.get("resource_types")),
        },
    }


def config_aggregator(v: Values) -> Props:
    """``aws_config_configuration_aggregator`` as ``AWS::Config::ConfigurationAggregator``."""
    props: Props = pick(v, {"name": "ConfigurationAggregatorName"})
    accounts = [
        {
            "AccountIds": items(a.get("account_ids")),
            "AllAwsRegions": truthy(a.get("all_regions", False)),
            "AwsRegions": items(a.get("regions")),
        }
        for a in blocks(v.get("account_aggregation_source"))
    ]
    if accounts:
        props["AccountAggregationSources"] = accounts
    org = block(v.get("organization_aggregation_source"))
    if org:
        props["OrganizationAggregationSource"] = {
            "AllAwsRegions": truthy(org.get("all_regions", False)),
            "AwsRegions": items(org.get("regions")),
            **pick(org, {"role_arn": "RoleArn"}),
        }
    return props


def certificate(v: Values) -> Props:
    """``aws_acm_certificate`` as ``AWS::CertificateManager::Certificate``."""
    props = pick(
        v,
        {
            "domain_name": "DomainName",
            "validation_method": "ValidationMethod",
            "certificate_authority_arn": "CertificateAuthorityArn",
        },
    )
    if items(v.get("subject_alternative_names")):
        props["SubjectAlternativeNames"] = items(v.get("subject_alternative_names"))
    options = block(v.get("options"))
    if options.get("certificate_transparency_logging_preference") is not None:
        props["CertificateTransparencyLoggingPreference"] = options[
            "certificate_transparency_logging_preference"
        ]
    return {**props, "Tags": tags(v.get("tags"))}


def emr_block_public_access(v: Values) -> Props:
    """``aws_emr_block_public_access_configuration`` (no CloudFormation type) as
    ``WASP::EMR::BlockPublicAccessConfiguration``."""
    ranges = [
        pick(r, {"min_range": "MinRange", "max_range": "MaxRange"})
        for r in blocks(v.get("permitted_public_security_group_rule_range"))
    ]
    return {
        "BlockPublicSecurityGroupRules": truthy(v.get("block_public_security_group_rules")),
        "PermittedPublicSecurityGroupRuleRanges": ranges,
    }


def guardduty_org(v: Values) -> Props:
    """``aws_guardduty_organization_configuration`` (no CloudFormation type) as
    ``WASP::GuardDuty::OrganizationConfiguration``; the older ``auto_enable = true`` means NEW."""
    members = v.get("auto_enable_organization_members")
    if members in (None, ""):
        members = "NEW" if truthy(v.get("auto_enable")) is True else "NONE"
    return {"AutoEnableOrganizationMembers": members}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_emr_security_configuration": ("AWS::EMR::SecurityConfiguration", emr_security_configuration),
    "aws_glue_security_configuration": ("AWS::Glue::SecurityConfiguration", glue_security_configuration),
    "aws_sagemaker_endpoint_configuration": ("AWS::SageMaker::EndpointConfig", sagemaker_endpoint_config),
    "aws_imagebuilder_distribution_configuration": (
        "AWS::ImageBuilder::DistributionConfiguration",
        imagebuilder_distribution,
    ),
    "aws_cloudtrail_event_data_store": ("AWS::CloudTrail::EventDataStore", event_data_store),
    "aws_connect_instance_storage_config": ("AWS::Connect::InstanceStorageConfig", connect_storage),
    "aws_ses_configuration_set": ("AWS::SES::ConfigurationSet", ses_configuration_set),
    "aws_sesv2_configuration_set": ("AWS::SES::ConfigurationSet", ses_configuration_set),
    "aws_config_configuration_recorder": ("AWS::Config::ConfigurationRecorder", config_recorder),
    "aws_config_configuration_aggregator": ("AWS::Config::ConfigurationAggregator", config_aggregator),
    "aws_emr_block_public_access_configuration": (
        "WASP::EMR::BlockPublicAccessConfiguration",
        emr_block_public_access,
    ),
    "aws_guardduty_organization_configuration": ("WASP::GuardDuty::OrganizationConfiguration", guardduty_org),
    "aws_acm_certificate": ("AWS::CertificateManager::Certificate", certificate),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
