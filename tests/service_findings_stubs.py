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

    def client(self, service: str, region: str) -> Any:
        made = super().client(service, region)
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
