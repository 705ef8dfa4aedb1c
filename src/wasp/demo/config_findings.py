"""The demo account's AWS Config: a recorder, a few managed rules (most non-compliant) and a conformance pack.

The recorder and rules go in through moto's own API. moto has no ``DescribeComplianceByConfigRule``,
``DescribeRemediationConfigurations``, ``DescribeConformancePacks`` or ``GetConformancePackComplianceSummary``
(docs/emulator-gaps.md), so the demo answers those itself, with botocore ``before-call`` handlers registered
only while the demo's emulated account is open (see :func:`wasp.demo.service_findings.answered`). The
answers are shaped like the real APIs' and follow the seeded account: the public assets bucket, the unencrypted
database, the old access keys and the bastion's open SSH are what the rules report.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3

from wasp.demo.seed import REGION, Seeded


@dataclass(frozen=True)
class ConfigRule:
    """One managed rule the demo puts in Config, and what Config reports for it."""

    name: str
    identifier: str
    compliance: str
    """COMPLIANT or NON_COMPLIANT."""
    non_compliant: int = 0
    remediation: str | None = None
    """The SSM Automation document of a (manual) remediation configuration, if any."""
    parameters: dict[str, str] | None = None


RULES = (
    ConfigRule(
        "s3-bucket-level-public-access-prohibited",
        "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
        "NON_COMPLIANT",
        1,
        remediation="AWS-ConfigureS3BucketPublicAccessBlock",
    ),
    ConfigRule("rds-storage-encrypted", "RDS_STORAGE_ENCRYPTED", "NON_COMPLIANT", 1),
    ConfigRule(
        "access-keys-rotated", "ACCESS_KEYS_ROTATED", "NON_COMPLIANT", 2, parameters={"maxAccessKeyAge": "90"}
    ),
    ConfigRule("restricted-ssh", "INCOMING_SSH_DISABLED", "NON_COMPLIANT", 1),
    ConfigRule(
        "cloudtrail-log-file-validation-enabled", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "COMPLIANT"
    ),
)
"""The demo's rules: four deviations Config already knows of, one control met."""

PACK = "Operational-Best-Practices-for-CIS-AWS-v1.4-Level1"
"""The demo's conformance pack (non-compliant)."""


def seed_config(session: boto3.session.Session, seeded: Seeded) -> None:
    """A recording, all-resources recorder delivering to the audit bucket, and the managed rules."""
    config = session.client("config", region_name=REGION)
    config.put_configuration_recorder(
        ConfigurationRecorder={
            "name": "default",
            "roleARN": f"arn:aws:iam::{seeded.account}:role/aws-service-role/config.amazonaws.com/"
            "AWSServiceRoleForConfig",
            "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True},
        }
    )
    config.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": seeded.buckets[2]})
    config.start_configuration_recorder(ConfigurationRecorderName="default")
    for rule in RULES:
        extra = {"InputParameters": json.dumps(rule.parameters)} if rule.parameters else {}
        config.put_config_rule(
            ConfigRule={
                "ConfigRuleName": rule.name,
                "Source": {"Owner": "AWS", "SourceIdentifier": rule.identifier},
                **extra,
            }
        )


Answer = Callable[[dict[str, Any]], Any]
"""Builds the (response, parsed) pair a before-call handler returns from a parsed body."""


def config_handlers(account: str, answer: Answer) -> list[tuple[str, Callable[..., Any]]]:
    """The before-call handlers that answer the Config calls moto lacks, for the seeded ``account``."""

    def compliance(params: dict[str, Any], **_: Any) -> Any:
        return answer(
            {
                "ComplianceByConfigRules": [
                    {
                        "ConfigRuleName": r.name,
                        "Compliance": {
                            "ComplianceType": r.compliance,
                            **(
                                {
                                    "ComplianceContributorCount": {
                                        "CappedCount": r.non_compliant,
                                        "CapExceeded": False,
                                    }
                                }
                                if r.non_compliant
                                else {}
                            ),
                        },
                    }
                    for r in RULES
                ]
            }
        )

    def remediations(params: dict[str, Any], **_: Any) -> Any:
        return answer(
            {
                "RemediationConfigurations": [
                    {
                        "ConfigRuleName": r.name,
                        "TargetType": "SSM_DOCUMENT",
                        "TargetId": r.remediation,
                        "Automatic": False,
                    }
                    for r in RULES
                    if r.remediation
                ]
            }
        )

    def packs(params: dict[str, Any], **_: Any) -> Any:
        return answer(
            {
                "ConformancePackDetails": [
                    {
                        "ConformancePackName": PACK,
                        "ConformancePackArn": f"arn:aws:config:{REGION}:{account}:conformance-pack/{PACK}/"
                        "conformance-pack-demo01",
                        "ConformancePackId": "conformance-pack-demo01",
                        "ConformancePackInputParameters": [],
                    }
                ]
            }
        )

    def pack_summary(params: dict[str, Any], **_: Any) -> Any:
        return answer(
            {
                "ConformancePackComplianceSummaryList": [
                    {"ConformancePackName": PACK, "ConformancePackComplianceStatus": "NON_COMPLIANT"}
                ]
            }
        )

    return [
        ("before-call.config.DescribeComplianceByConfigRule", compliance),
        ("before-call.config.DescribeRemediationConfigurations", remediations),
        ("before-call.config.DescribeConformancePacks", packs),
        ("before-call.config.GetConformancePackComplianceSummary", pack_summary),
    ]
