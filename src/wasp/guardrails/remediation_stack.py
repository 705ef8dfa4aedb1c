"""A CloudFormation template that keeps the fixes applied: Config rules, automatic remediation, alerts."""

from __future__ import annotations

from typing import Any

# (logical name, Config managed rule, resource types, SSM Automation document, parameters, IAM actions the document needs)
CONTROLS: tuple[tuple[str, str, list[str], str | None, dict[str, Any], list[str]], ...] = (
    (
        "S3BucketPublicAccess",
        "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
        ["AWS::S3::Bucket"],
        "AWS-ConfigureS3BucketPublicAccessBlock",
        {"BucketName": "RESOURCE_ID"},
        ["s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock"],
    ),
    (
        "S3BucketEncryption",
        "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
        ["AWS::S3::Bucket"],
        "AWS-EnableS3BucketEncryption",
        {"BucketName": "RESOURCE_ID"},
        ["s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration"],
    ),
    (
        "RestrictedSsh",
        "INCOMING_SSH_DISABLED",
        ["AWS::EC2::SecurityGroup"],
        "AWS-DisablePublicAccessForSecurityGroup",
        {"GroupId": "RESOURCE_ID"},
        ["ec2:RevokeSecurityGroupIngress", "ec2:DescribeSecurityGroups"],
    ),
    (
        "CloudTrailValidation",
        "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
        ["AWS::CloudTrail::Trail"],
        "AWS-EnableCloudTrailLogFileValidation",
        {"TrailName": "RESOURCE_ID"},
        ["cloudtrail:UpdateTrail", "cloudtrail:GetTrail"],
    ),
    (
        "KmsRotation",
        "CMK_BACKING_KEY_ROTATION_ENABLED",
        ["AWS::KMS::Key"],
        "AWSConfigRemediation-EnableKeyRotation",
        {"KeyId": "RESOURCE_ID"},
        ["kms:EnableKeyRotation", "kms:GetKeyRotationStatus"],
    ),
    (
        "InstanceImdsV2",
        "EC2_IMDSV2_CHECK",
        ["AWS::EC2::Instance"],
        "AWSConfigRemediation-EnforceEC2InstanceIMDSv2",
        {"InstanceId": "RESOURCE_ID"},
        ["ec2:ModifyInstanceMetadataOptions", "ec2:DescribeInstances"],
    ),
    (
        "UnusedCredentials",
        "IAM_USER_UNUSED_CREDENTIALS_CHECK",
        ["AWS::IAM::User"],
        "AWSConfigRemediation-RevokeUnusedIAMUserCredentials",
        {"IAMResourceId": "RESOURCE_ID", "MaxCredentialUsageAge": "90"},
        [
            "iam:UpdateAccessKey",
            "iam:ListAccessKeys",
            "iam:GetAccessKeyLastUsed",
            "iam:DeleteLoginProfile",
            "iam:GetLoginProfile",
            "iam:ListUsers",
            "iam:GetUser",
            "config:ListDiscoveredResources",
        ],
    ),
    ("EbsDefaultEncryption", "EC2_EBS_ENCRYPTION_BY_DEFAULT", [], None, {}, []),
    ("MultiRegionTrail", "MULTI_REGION_CLOUD_TRAIL_ENABLED", [], None, {}, []),
    ("GuardDutyEnabled", "GUARDDUTY_ENABLED_CENTRALIZED", [], None, {}, []),
    ("SecurityHubEnabled", "SECURITYHUB_ENABLED", [], None, {}, []),
)
DISABLING_CALLS = [
    "StopLogging",
    "DeleteTrail",
    "DeleteDetector",
    "DisassociateFromMasterAccount",
    "DisableSecurityHub",
    "StopConfigurationRecorder",
    "DeleteConfigurationRecorder",
]


def remediation_template() -> dict[str, Any]:
    """The template as a dict (written as JSON so no YAML tags are needed)."""
    resources: dict[str, Any] = {}
    actions: set[str] = set()
    for name, identifier, types, document, params, needed in CONTROLS:
        rule: dict[str, Any] = {
            "ConfigRuleName": {"Fn::Sub": f"wasp-{identifier.lower().replace('_', '-')}"},
            "Source": {"Owner": "AWS", "SourceIdentifier": identifier},
        }
        if types:
            rule["Scope"] = {
                "ComplianceResourceTypes": types,
                "TagKey": {"Fn::If": ["Scoped", {"Ref": "ScopeTagKey"}, {"Ref": "AWS::NoValue"}]},
                "TagValue": {"Fn::If": ["Scoped", {"Ref": "ScopeTagValue"}, {"Ref": "AWS::NoValue"}]},
            }
        else:
            rule["MaximumExecutionFrequency"] = {"Ref": "CheckFrequency"}
        resources[f"{name}Rule"] = {"Type": "AWS::Config::ConfigRule", "Properties": rule}
        if document:
            actions.update(needed)
            parameters: dict[str, Any] = {
                "AutomationAssumeRole": {
                    "StaticValue": {"Values": [{"Fn::GetAtt": ["RemediationRole", "Arn"]}]}
                }
            }
            for key, value in params.items():
                parameters[key] = (
                    {"ResourceValue": {"Value": "RESOURCE_ID"}}
                    if value == "RESOURCE_ID"
                    else {"StaticValue": {"Values": [value]}}
                )
            resources[f"{name}Remediation"] = {
                "Type": "AWS::Config::RemediationConfiguration",
                "Condition": "Remediate",
                "Properties": {
                    "ConfigRuleName": {"Ref": f"{name}Rule"},
                    "TargetType": "SSM_DOCUMENT",
                    "TargetId": document,
                    "Automatic": True,
                    "MaximumAutomaticAttempts": 3,
                    "RetryAttemptSeconds": 60,
                    "Parameters": parameters,
                },
            }
    resources["RemediationRole"] = {
        "Type": "AWS::IAM::Role",
        "Properties": {
            "Description": "Assumed by SSM Automation to apply wasp's remediations; only the actions they need.",
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "ssm.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                        "Condition": {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}},
                    }
                ],
            },
            "Policies": [
                {
                    "PolicyName": "wasp-remediation",
                    "PolicyDocument": {
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": sorted(actions), "Resource": "*"}],
                    },
                }
            ],
        },
    }
    resources["AlertTopic"] = {
        "Type": "AWS::SNS::Topic",
        "Properties": {
            "KmsMasterKeyId": "alias/aws/sns",
            "Subscription": [{"Protocol": "email", "Endpoint": {"Ref": "AlertEmail"}}],
        },
    }
    resources["AlertTopicPolicy"] = {
        "Type": "AWS::SNS::TopicPolicy",
        "Properties": {
            "Topics": [{"Ref": "AlertTopic"}],
            "PolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "events.amazonaws.com"},
                        "Action": "sns:Publish",
                        "Resource": {"Ref": "AlertTopic"},
                    }
                ],
            },
        },
    }
    resources["SecurityServiceDisabledRule"] = {
        "Type": "AWS::Events::Rule",
        "Properties": {
            "Description": "Alert when CloudTrail, GuardDuty, Security Hub or Config is switched off",
            "State": "ENABLED",
            "EventPattern": {
                "detail-type": ["AWS API Call via CloudTrail"],
                "source": ["aws.cloudtrail", "aws.guardduty", "aws.securityhub", "aws.config"],
                "detail": {"eventName": DISABLING_CALLS},
            },
            "Targets": [{"Arn": {"Ref": "AlertTopic"}, "Id": "alert"}],
        },
    }
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "wasp guardrails: AWS Config rules for the fixed misconfigurations, automatic remediation through "
        "AWS-managed SSM Automation documents, and alerts when a security service is disabled.",
        "Parameters": {
            "AlertEmail": {
                "Type": "String",
                "Description": "Who is told when a security service is disabled",
                "AllowedPattern": "^[^@\\s]+@[^@\\s]+$",
            },
            "AutoRemediate": {
                "Type": "String",
                "AllowedValues": ["true", "false"],
                "Default": "true",
                "Description": "false deploys the rules and alerts without automatic remediation",
            },
            "ScopeTagKey": {
                "Type": "String",
                "Default": "",
                "Description": "Only resources with this tag (empty: all)",
            },
            "ScopeTagValue": {"Type": "String", "Default": "", "Description": "...and this tag value"},
            "CheckFrequency": {
                "Type": "String",
                "Default": "TwentyFour_Hours",
                "AllowedValues": ["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"],
            },
        },
        "Conditions": {
            "Remediate": {"Fn::Equals": [{"Ref": "AutoRemediate"}, "true"]},
            "Scoped": {"Fn::Not": [{"Fn::Equals": [{"Ref": "ScopeTagKey"}, ""]}]},
        },
        "Resources": resources,
        "Outputs": {
            "AlertTopicArn": {"Value": {"Ref": "AlertTopic"}},
            "RemediationRoleArn": {"Value": {"Fn::GetAtt": ["RemediationRole", "Arn"]}},
        },
    }
