"""From a delegated administrator (not the management account): what the collectors read decides the rules.

A security account delegated GuardDuty, Security Hub, Config and Inspector (but not Organizations) is refused the
organisation tree; it asks Organizations which services it administers and, in an organisation review, sees the
management account's organisation trail as a shadow trail. moto shows neither (docs/emulator-gaps.md): the
responses are stubbed as the real APIs give them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import boto3
from botocore.stub import Stubber

from wasp.collect.clients import ClientFactory
from wasp.collect.organizations import OrganizationsCollector
from wasp.collect.runner import Task, run_task
from wasp.engine.evaluate import evaluate_resource
from wasp.model import ACCOUNT_TYPE, FindingStatus, Inventory, Resource
from wasp.model.resource import Origin
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.model.status import OriginKind
from wasp.org.services import OrgServicesCollector
from wasp.rules import load_rules

REGION = "us-east-1"
MANAGEMENT = "999999999999"
SECURITY = "111122223333"
DENIED = ("AccessDeniedException", "You don't have permissions to access this resource.")
ORG = {
    "Organization": {
        "Id": "o-abcdef1234",
        "Arn": f"arn:aws:organizations::{MANAGEMENT}:organization/o-abcdef1234",
        "FeatureSet": "ALL",
        "MasterAccountId": MANAGEMENT,
    }
}
SHADOW = {
    "Name": "org",
    "TrailARN": f"arn:aws:cloudtrail:eu-west-1:{MANAGEMENT}:trail/org",
    "HomeRegion": "eu-west-1",
    "IsMultiRegionTrail": True,
    "IsOrganizationTrail": True,
    "S3BucketName": "log-archive",
}


def _collect(delegated: list[str], trails: list[dict[str, Any]]) -> Inventory:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    org = Stubber(factory.client("organizations", REGION))
    org.add_response("describe_organization", ORG)
    org.add_client_error("list_roots", *DENIED, http_status_code=400)
    org.add_response(
        "list_delegated_services_for_account",
        {"DelegatedServices": [{"ServicePrincipal": p} for p in delegated]},
        {"AccountId": SECURITY},
    )
    stubs = {
        s: Stubber(factory.client(s, REGION)) for s in ("guardduty", "securityhub", "inspector2", "config")
    }
    stubs["guardduty"].add_response("list_detectors", {"DetectorIds": []})
    for service in ("securityhub", "inspector2"):
        stubs[service].add_client_error("describe_organization_configuration", *DENIED, http_status_code=400)
    stubs["config"].add_response("describe_configuration_aggregators", {"ConfigurationAggregators": []})
    trail = Stubber(factory.client("cloudtrail", REGION))
    trail.add_response("describe_trails", {"trailList": trails}, {"includeShadowTrails": True})
    inventory = Inventory()
    for stub in (org, trail, *stubs.values()):
        stub.activate()
    for collector in (OrganizationsCollector(), OrgServicesCollector()):
        result = run_task(Task(SECURITY, REGION, collector), factory, (REGION,))
        for resource in result.resources:
            inventory.add(resource)
        for gap in result.gaps:
            inventory.add_gap(gap)
        inventory.mark_collected(*collector.resource_types)
    origin = Origin(kind=OriginKind.LIVE, account=SECURITY, region=None)
    inventory.add(Resource(ACCOUNT_TYPE, SECURITY, {}, origin))
    return inventory


def _verdict(inventory: Inventory, rule_id: str) -> tuple[FindingStatus, str]:
    [rule] = [r for r in load_rules() if r.id == rule_id]
    [account] = inventory.of_type(ACCOUNT_TYPE)
    ctx = RuleContext(inventory, WorkloadScope(regions=(REGION,)), datetime(2026, 6, 1, tzinfo=UTC))
    finding = evaluate_resource(rule, account, ctx, "2026-06-01T00:00:00+00:00")
    assert finding is not None
    return finding.status, finding.message


ALL = [
    "config.amazonaws.com",
    "guardduty.amazonaws.com",
    "inspector2.amazonaws.com",
    "securityhub.amazonaws.com",
]


def test_the_security_account_passes_on_what_it_administers_and_the_shadow_org_trail() -> None:
    inventory = _collect(ALL, [SHADOW])
    status, message = _verdict(inventory, "org_security_delegated_admins")
    assert status is FindingStatus.PASS, message
    status, message = _verdict(inventory, "cloudtrail_organization_trail")
    assert status is FindingStatus.PASS, message
    assert SHADOW["TrailARN"] in message


def test_what_is_not_visible_from_a_delegated_administrator_stays_unknown() -> None:
    """One service delegated here, no organisation trail visible: unknown both, never fail, never pass."""
    inventory = _collect(["guardduty.amazonaws.com"], [])
    status, message = _verdict(inventory, "org_security_delegated_admins")
    assert status is FindingStatus.UNKNOWN, message
    assert "Security Hub" in message and "administers GuardDuty" in message
    status, message = _verdict(inventory, "cloudtrail_organization_trail")
    assert status is FindingStatus.UNKNOWN, message
    assert "not proof" in message
