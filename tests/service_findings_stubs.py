"""Stubbed clients and responses shaped like the real GuardDuty, Inspector and Security Hub APIs.

moto lacks GuardDuty's ListFindings/GetFindings and Inspector's ListCoverage, and ignores Inspector's and
Security Hub's filters (docs/emulator-gaps.md), so these tests answer with botocore's Stubber.
"""

from __future__ import annotations

from typing import Any

import boto3
from botocore.stub import Stubber

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector
from wasp.collect.clients import ClientFactory
from wasp.model import Resource
from wasp.model.rule import FindingThresholds

ACCOUNT = "111122223333"
REGION = "eu-west-2"


class StubbedFactory(ClientFactory):
    """Clients with botocore Stubbers attached, one per service."""

    def __init__(self) -> None:
        super().__init__(boto3.session.Session(region_name=REGION))
        self.stubbers: dict[str, Stubber] = {}

    def stub(self, service: str) -> Stubber:
        """The service's stubber (its client made on first use)."""
        self.client(service, REGION)
        return self.stubbers[service]

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        made = super().client(service, region, operation)
        if service not in self.stubbers:
            self.stubbers[service] = Stubber(made)
            self.stubbers[service].activate()
        return made


def run(
    collector: Collector, factory: StubbedFactory, findings: FindingThresholds | None = None
) -> tuple[list[Resource], ApiReader]:
    """Run one collector against the stubbed clients; every stubbed response must have been used."""
    api = ApiReader(
        factory, ACCOUNT, REGION, collector.service, collector.resource_types, (REGION,), findings=findings
    )
    resources = list(collector.collect(api))
    for stubber in factory.stubbers.values():
        stubber.assert_no_pending_responses()
    return resources, api


def gd_finding(
    fid: str,
    severity: float = 8.0,
    created: str = "2026-04-01T10:00:00.000Z",
    kind: str = "UnauthorizedAccess:EC2/SSHBruteForce",
    archived: bool = False,
    resource: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A GuardDuty finding as GetFindings returns it."""
    return {
        "AccountId": ACCOUNT,
        "Arn": f"arn:aws:guardduty:{REGION}:{ACCOUNT}:detector/d1/finding/{fid}",
        "CreatedAt": created,
        "Id": fid,
        "Region": REGION,
        "Resource": resource
        or {"ResourceType": "Instance", "InstanceDetails": {"InstanceId": "i-0123456789abcdef0"}},
        "SchemaVersion": "2.0",
        "Severity": severity,
        "Title": f"{kind} on the resource",
        "Type": kind,
        "UpdatedAt": "2026-05-30T10:00:00.000Z",
        "Service": {"Archived": archived, "Count": 12, "ServiceName": "guardduty"},
    }


def inspector_status(stub: Stubber, enabled: bool = True) -> None:
    """BatchGetAccountStatus with EC2, ECR and Lambda scanning on (or off)."""
    status = {
        "status": "ENABLED" if enabled else "DISABLED",
        "errorCode": "ALREADY_ENABLED",
        "errorMessage": "none",
    }
    stub.add_response(
        "batch_get_account_status",
        {
            "accounts": [
                {
                    "accountId": ACCOUNT,
                    "state": status,
                    "resourceState": {"ec2": status, "ecr": status, "lambda": status},
                }
            ],
            "failedAccounts": [],
        },
    )


def inspector_finding(
    fid: str, first_seen: str, instance: str = "i-0a1b2c3d4e5f60001", exploit: str = "NO"
) -> dict[str, Any]:
    """An Inspector package vulnerability as ListFindings returns it."""
    from datetime import datetime

    return {
        "awsAccountId": ACCOUNT,
        "description": "OpenSSH regreSSHion",
        "findingArn": f"arn:aws:inspector2:{REGION}:{ACCOUNT}:finding/{fid}",
        "firstObservedAt": datetime.fromisoformat(first_seen),
        "lastObservedAt": datetime.fromisoformat(first_seen),
        "remediation": {"recommendation": {"text": "upgrade openssh"}},
        "resources": [{"id": instance, "type": "AWS_EC2_INSTANCE", "details": {}}],
        "severity": "HIGH",
        "status": "ACTIVE",
        "type": "PACKAGE_VULNERABILITY",
        "title": "CVE-2024-6387 - openssh",
        "fixAvailable": "YES",
        "exploitAvailable": exploit,
        "epss": {"score": 0.02},
        "packageVulnerabilityDetails": {
            "source": "NVD",
            "vulnerabilityId": "CVE-2024-6387",
            "vulnerablePackages": [{"name": "openssh", "version": "8.9"}],
        },
    }


def coverage(
    rid: str, status: str = "ACTIVE", kind: str = "AWS_EC2_INSTANCE", reason: str = "SUCCESSFUL"
) -> dict[str, Any]:
    """One resource of ListCoverage."""
    return {
        "accountId": ACCOUNT,
        "resourceId": rid,
        "resourceType": kind,
        "scanType": "PACKAGE",
        "scanStatus": {"statusCode": status, "reason": reason},
    }
