"""Organisation configuration of the security services, read once per region from the reviewing account."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from wasp.collect.clients import ClientFactory
from wasp.collect.runner import Task, run_task
from wasp.model import Unresolved
from wasp.org.services import SERVICE_CONFIGURATION, OrgServicesCollector

REGION = "eu-west-2"
ACCOUNT = "111122223333"


def _run(factory: ClientFactory) -> tuple[dict[str, Any], list[Any]]:
    result = run_task(Task(ACCOUNT, REGION, OrgServicesCollector()), factory, (REGION,))
    assert {r.type for r in result.resources} == {SERVICE_CONFIGURATION}
    return {r.properties["Service"]: r.properties["Configuration"] for r in result.resources}, list(
        result.gaps
    )


def test_configurations_as_the_real_apis_answer_them() -> None:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    stubs = {
        s: Stubber(factory.client(s, REGION))
        for s in ("guardduty", "securityhub", "inspector2", "config", "cloudtrail")
    }
    stubs["guardduty"].add_response("list_detectors", {"DetectorIds": ["d1"]})
    stubs["guardduty"].add_response(
        "describe_organization_configuration",
        {"AutoEnable": True, "AutoEnableOrganizationMembers": "ALL", "MemberAccountLimitReached": False},
        {"DetectorId": "d1"},
    )
    stubs["securityhub"].add_response(
        "describe_organization_configuration",
        {"AutoEnable": False, "MemberAccountLimitReached": False, "AutoEnableStandards": "NONE"},
    )
    stubs["inspector2"].add_client_error(
        "describe_organization_configuration", "AccessDeniedException", "not the delegated administrator"
    )
    stubs["config"].add_response(
        "describe_configuration_aggregators",
        {
            "ConfigurationAggregators": [
                {
                    "ConfigurationAggregatorName": "org",
                    "OrganizationAggregationSource": {
                        "RoleArn": "arn:aws:iam::111122223333:role/c",
                        "AllAwsRegions": True,
                    },
                },
                {"ConfigurationAggregatorName": "accounts", "AccountAggregationSources": []},
            ]
        },
    )
    stubs["cloudtrail"].add_response(
        "describe_trails",
        {
            "trailList": [
                {  # the management account's organisation trail, as a delegated administrator sees it
                    "Name": "org",
                    "TrailARN": "arn:aws:cloudtrail:us-east-1:999999999999:trail/org",
                    "HomeRegion": "us-east-1",
                    "IsMultiRegionTrail": True,
                    "IsOrganizationTrail": True,
                    "S3BucketName": "log-archive",
                },
                {"Name": "local", "TrailARN": f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:trail/local"},
            ]
        },
        {"includeShadowTrails": True},
    )
    for stub in stubs.values():
        stub.activate()
    found, gaps = _run(factory)
    assert found["guardduty"]["AutoEnableOrganizationMembers"] == "ALL"
    assert (
        found["securityhub"]["AutoEnable"] is False and found["securityhub"]["AutoEnableStandards"] == "NONE"
    )
    assert isinstance(found["inspector2"], Unresolved), "a refused read is unknown, never 'off'"
    assert found["config"] == {
        "OrganizationAggregators": [{"Name": "org", "AllAwsRegions": True, "AwsRegions": []}]
    }
    assert found["cloudtrail"] == {
        "OrganizationTrails": [
            {
                "Name": "org",
                "TrailARN": "arn:aws:cloudtrail:us-east-1:999999999999:trail/org",
                "HomeRegion": "us-east-1",
                "IsMultiRegionTrail": True,
            }
        ]
    }, "only organisation trails, shadow ones included"
    (gap,) = gaps
    assert (
        gap.service == "inspector2" and gap.resource_id == f"inspector2/{REGION}" and not gap.blocks_service
    )


@pytest.mark.usefixtures("aws")
def test_no_detector_here_is_said_so_and_moto_reads_do_not_abort() -> None:
    _, gaps = _run(ClientFactory(boto3.session.Session(region_name=REGION)))
    found, _ = _run(ClientFactory(boto3.session.Session(region_name=REGION)))
    assert found["guardduty"] == {"DetectorId": None}
    assert found["config"] == {"OrganizationAggregators": []}
    assert all(not g.blocks_service for g in gaps)
