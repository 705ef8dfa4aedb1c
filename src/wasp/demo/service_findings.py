"""The demo account's security-service findings: a few of each kind wasp weighs, with their source service.

Security Hub's findings go in through moto's own ``BatchImportFindings``, and Inspector is switched on with
moto's ``Enable``. moto has no GuardDuty ``ListFindings``/``GetFindings``, no Inspector ``ListCoverage`` and no Security Hub
``GetEnabledStandards``, and its Inspector ``ListFindings`` ignores filters (docs/emulator-gaps.md): for those the demo answers the calls
itself, with a botocore ``before-call`` handler (the hook botocore documents for answering a call without
sending it), registered only while the demo's emulated account is open. The answers are shaped like the real
APIs' and are built from the seeded resources, so each finding names a real instance, repository or function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import boto3
from botocore import handlers
from botocore.awsrequest import AWSResponse

from wasp.demo.config_findings import config_handlers
from wasp.demo.seed import REGION, Seeded


@dataclass(frozen=True)
class DemoFindings:
    """The findings the demo's services answer with."""

    guardduty: tuple[dict[str, Any], ...]
    inspector: tuple[dict[str, Any], ...]
    coverage: tuple[dict[str, Any], ...]
    account: str


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _guardduty(seeded: Seeded, now: datetime) -> tuple[dict[str, Any], ...]:
    bastion = seeded.instances["legacy-bastion"]

    def finding(fid: str, kind: str, severity: float, days: int, resource: dict[str, Any]) -> dict[str, Any]:
        return {
            "AccountId": seeded.account,
            "Arn": f"arn:aws:guardduty:{REGION}:{seeded.account}:detector/demo/finding/{fid}",
            "CreatedAt": _iso(now - timedelta(days=days)),
            "UpdatedAt": _iso(now - timedelta(hours=3)),
            "Id": fid,
            "Region": REGION,
            "Resource": resource,
            "SchemaVersion": "2.0",
            "Severity": severity,
            "Title": kind,
            "Type": kind,
            "Service": {"Archived": False, "Count": 40, "ServiceName": "guardduty"},
        }

    instance = {"ResourceType": "Instance", "InstanceDetails": {"InstanceId": bastion}}
    key = {
        "ResourceType": "AccessKey",
        "AccessKeyDetails": {"AccessKeyId": "AKIADEMOCIDEPLOYER01", "UserName": "ci-deployer"},
    }
    return (
        finding("3ac6demo0001", "UnauthorizedAccess:EC2/SSHBruteForce", 8.0, 23, instance),
        finding("3ac6demo0002", "CryptoCurrency:EC2/BitcoinTool.B!DNS", 8.0, 2, instance),
        finding(
            "3ac6demo0003",
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
            8.0,
            11,
            key,
        ),
    )


def _inspector(seeded: Seeded, now: datetime) -> tuple[dict[str, Any], ...]:
    bastion = seeded.instances["legacy-bastion"]
    arn = f"arn:aws:inspector2:{REGION}:{seeded.account}:finding"

    def vuln(
        fid: str,
        cve: str,
        package: str,
        days: int,
        exploit: str,
        epss: float,
        on: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        return {
            "awsAccountId": seeded.account,
            "description": f"{cve} in {package}",
            "findingArn": f"{arn}/{fid}",
            "firstObservedAt": now - timedelta(days=days),
            "lastObservedAt": now - timedelta(hours=6),
            "remediation": {"recommendation": {"text": f"upgrade {package}"}},
            "resources": [on or {"id": bastion, "type": "AWS_EC2_INSTANCE", "details": {}}],
            "severity": "CRITICAL" if exploit == "YES" else "HIGH",
            "status": "ACTIVE",
            "type": "PACKAGE_VULNERABILITY",
            "title": f"{cve} - {package}",
            "fixAvailable": "YES",
            "exploitAvailable": exploit,
            "epss": {"score": epss},
            "packageVulnerabilityDetails": {
                "source": "NVD",
                "vulnerabilityId": cve,
                "vulnerablePackages": [],
            },
        }

    return (
        vuln("demo0000000000001", "CVE-2024-6387", "openssh", 95, "YES", 0.42),
        vuln("demo0000000000002", "CVE-2023-38545", "curl", 40, "NO", 0.02),
        vuln("demo0000000000003", "CVE-2025-0001", "openssl", 3, "NO", 0.01),
        vuln("demo0000000000004", "CVE-2024-45490", "libexpat", 60, "NO", 0.03, _image(seeded)),
    )


def _image(seeded: Seeded) -> dict[str, Any]:
    """The payments-api image Inspector names (an ECR image finding is judged on its repository)."""
    digest = "sha256:" + "5e" * 32
    return {
        "id": f"arn:aws:ecr:{REGION}:{seeded.account}:repository/payments-api/{digest}",
        "type": "AWS_ECR_CONTAINER_IMAGE",
        "details": {
            "awsEcrContainerImage": {
                "imageHash": digest,
                "imageTags": ["2024.11.3"],
                "registry": seeded.account,
                "repositoryName": "payments-api",
            }
        },
    }


def _coverage(seeded: Seeded) -> tuple[dict[str, Any], ...]:
    def item(rid: str, kind: str, code: str, reason: str) -> dict[str, Any]:
        return {
            "accountId": seeded.account,
            "resourceId": rid,
            "resourceType": kind,
            "scanType": "PACKAGE",
            "scanStatus": {"statusCode": code, "reason": reason},
        }

    return (
        item(seeded.instances["legacy-bastion"], "AWS_EC2_INSTANCE", "ACTIVE", "SUCCESSFUL"),
        item(seeded.instances["payments-api-1"], "AWS_EC2_INSTANCE", "INACTIVE", "NO_INVENTORY"),
        item(
            f"arn:aws:ecr:{REGION}:{seeded.account}:repository/payments-api",
            "AWS_ECR_REPOSITORY",
            "ACTIVE",
            "SUCCESSFUL",
        ),
        item(
            f"arn:aws:lambda:{REGION}:{seeded.account}:function:payments-webhook",
            "AWS_LAMBDA_FUNCTION",
            "ACTIVE",
            "SUCCESSFUL",
        ),
    )


def demo_findings(seeded: Seeded, now: datetime) -> DemoFindings:
    """The GuardDuty, Inspector and coverage answers for the seeded account."""
    return DemoFindings(_guardduty(seeded, now), _inspector(seeded, now), _coverage(seeded), seeded.account)


def seed_security_hub(session: boto3.session.Session, seeded: Seeded, now: datetime) -> None:
    """Switch Security Hub on and import failed control findings (one that wasp also checks, one it cannot)."""
    hub = session.client("securityhub", region_name=REGION)
    hub.enable_security_hub(EnableDefaultStandards=True)
    receipts, assets, _ = seeded.buckets

    def control(
        fid: str, cid: str, title: str, severity: str, kind: str, rid: str, **extra: Any
    ) -> dict[str, Any]:
        return {
            "SchemaVersion": "2018-10-08",
            "Id": f"arn:aws:securityhub:{REGION}:{seeded.account}:security-control/{cid}/finding/{fid}",
            "ProductArn": f"arn:aws:securityhub:{REGION}::product/aws/securityhub",
            "GeneratorId": f"security-control/{cid}",
            "AwsAccountId": seeded.account,
            "Types": ["Software and Configuration Checks/Industry and Regulatory Standards"],
            "CreatedAt": _iso(now - timedelta(days=30)),
            "FirstObservedAt": _iso(now - timedelta(days=30)),
            "UpdatedAt": _iso(now - timedelta(hours=5)),
            "Severity": {"Label": severity},
            "Title": title,
            "Description": title,
            "Resources": [{"Type": kind, "Id": rid, "Region": REGION}],
            "Compliance": {"Status": "FAILED", "SecurityControlId": cid},
            "RecordState": "ACTIVE",
            "Workflow": {"Status": "NEW"},
            **extra,
        }

    hub.batch_import_findings(
        Findings=[
            control(
                "demo-1",
                "S3.8",
                "S3 general purpose buckets should block public access",
                "HIGH",
                "AwsS3Bucket",
                f"arn:aws:s3:::{assets}",
            ),
            control(
                "demo-2",
                "S3.9",
                "S3 general purpose bucket server access logging should be enabled",
                "MEDIUM",
                "AwsS3Bucket",
                f"arn:aws:s3:::{receipts}",
            ),
            control(
                "demo-3",
                "RDS.8",
                "RDS DB instances should have deletion protection enabled",
                "LOW",
                "AwsRdsDbInstance",
                f"arn:aws:rds:{REGION}:{seeded.account}:db:payments-db",
            ),
            control(
                "demo-4",
                "EC2.8",
                "EC2 instances should use IMDSv2",
                "HIGH",
                "AwsEc2Instance",
                f"arn:aws:ec2:{REGION}:{seeded.account}:instance/{seeded.instances['legacy-bastion']}",
                Workflow={"Status": "SUPPRESSED"},
            ),
        ]
    )


def seed_inspector(session: boto3.session.Session, seeded: Seeded) -> None:
    """Switch Inspector's EC2, ECR and Lambda scanning on."""
    session.client("inspector2", region_name=REGION).enable(
        resourceTypes=["EC2", "ECR", "LAMBDA"], accountIds=[seeded.account]
    )


def _answer(body: dict[str, Any]) -> tuple[AWSResponse, dict[str, Any]]:
    return AWSResponse("https://demo.invalid", 200, {}, None), {
        **body,
        "ResponseMetadata": {"HTTPStatusCode": 200},
    }


def _handlers(found: DemoFindings) -> list[tuple[str, Callable[..., Any]]]:
    by_id = {f["Id"]: f for f in found.guardduty}

    def gd_list(params: dict[str, Any], **_: Any) -> Any:
        return _answer({"FindingIds": list(by_id)})

    def gd_get(params: dict[str, Any], **_: Any) -> Any:
        # params is the serialised request: the ids asked for are every id gd_list gave (one batch)
        return _answer({"Findings": list(by_id.values())})

    def insp_list(params: dict[str, Any], **_: Any) -> Any:
        return _answer({"findings": list(found.inspector)})

    def insp_coverage(params: dict[str, Any], **_: Any) -> Any:
        return _answer({"coveredResources": list(found.coverage)})

    def hub_standards(params: dict[str, Any], **_: Any) -> Any:
        fsbp = "aws-foundational-security-best-practices/v/1.0.0"
        return _answer(
            {
                "StandardsSubscriptions": [
                    {
                        "StandardsSubscriptionArn": f"arn:aws:securityhub:{REGION}:{found.account}:subscription/{fsbp}",
                        "StandardsArn": f"arn:aws:securityhub:{REGION}::standards/{fsbp}",
                        "StandardsInput": {},
                        "StandardsStatus": "READY",
                    }
                ]
            }
        )

    return [
        ("before-call.guardduty.ListFindings", gd_list),
        ("before-call.guardduty.GetFindings", gd_get),
        ("before-call.inspector2.ListFindings", insp_list),
        ("before-call.inspector2.ListCoverage", insp_coverage),
        ("before-call.securityhub.GetEnabledStandards", hub_standards),
    ]


@contextmanager
def answered(found: DemoFindings) -> Iterator[None]:
    """While open, every new botocore client answers the calls moto lacks with ``found`` (and Config's)."""
    added = [*_handlers(found), *config_handlers(found.account, _answer)]
    handlers.BUILTIN_HANDLERS.extend(added)
    try:
        yield
    finally:
        for entry in added:
            handlers.BUILTIN_HANDLERS.remove(entry)
