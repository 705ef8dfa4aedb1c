"""ApiReader.capped_pages: a bounded read of a long listing that says when it stopped at the cap."""

from __future__ import annotations

import boto3
import pytest

from wasp.collect.api import DEFAULT_MAX_FINDINGS, ApiReader, CallFailed
from wasp.collect.base import Collector
from wasp.collect.clients import ClientFactory
from wasp.collect.runner import Task, run_task

REGION = "eu-west-2"
USER = "AWS::IAM::User"


def _reader(max_findings: int = DEFAULT_MAX_FINDINGS) -> ApiReader:
    clients = ClientFactory(boto3.session.Session(region_name=REGION))
    return ApiReader(clients, "123456789012", REGION, "iam", (USER,), (REGION,), max_findings=max_findings)


def _users(n: int) -> None:
    iam = boto3.client("iam", region_name=REGION)
    for i in range(n):
        iam.create_user(UserName=f"u{i:02d}")


@pytest.mark.usefixtures("aws")
def test_a_read_below_the_cap_is_complete() -> None:
    _users(5)
    got = _reader(5).capped_pages("list_users", "Users", page_size=2, affects=(USER,))
    assert [u["UserName"] for u in got.items] == [f"u{i:02d}" for i in range(5)]
    assert not got.capped


@pytest.mark.usefixtures("aws")
def test_a_read_past_the_cap_stops_there_and_says_so() -> None:
    _users(7)
    api = _reader(3)
    got = api.capped_pages("list_users", "Users", page_size=2, affects=(USER,))
    assert len(got.items) == 3
    assert got.capped
    assert api.capped_pages("list_users", "Users", cap=7, affects=(USER,)).capped is False


def test_the_default_cap_is_the_workload_default() -> None:
    assert _reader().max_findings == DEFAULT_MAX_FINDINGS == 1000


def test_a_failed_capped_read_is_a_service_gap() -> None:
    class Denied:
        def get_paginator(self, name: str) -> object:
            from botocore.exceptions import ClientError

            raise ClientError({"Error": {"Code": "AccessDeniedException", "Message": "no"}}, name)

    class Factory(ClientFactory):
        def __init__(self) -> None:
            pass

        def client(self, service: str, region: str, operation: str | None = None) -> object:
            return Denied()

    api = ApiReader(Factory(), "123456789012", REGION, "iam", (USER,))
    with pytest.raises(CallFailed):
        api.capped_pages("list_users", "Users", affects=(USER,))
    assert [(g.operation, g.error, g.resource_types) for g in api.gaps] == [
        ("list_users", "access_denied", (USER,))
    ]


def test_run_task_hands_the_cap_to_the_collector() -> None:
    seen: list[int] = []

    class Probe(Collector):
        name = "probe"
        service = "iam"
        resource_types = (USER,)
        permissions = ()

        def collect(self, api: ApiReader):  # type: ignore[no-untyped-def]
            seen.append(api.max_findings)
            return iter(())

    run_task(Task("123456789012", REGION, Probe()), ClientFactory(boto3.session.Session()), (REGION,), 42)
    assert seen == [42]


def test_the_workload_thresholds_set_the_cap() -> None:
    from wasp.model.rule import FindingThresholds

    clients = ClientFactory(boto3.session.Session(region_name=REGION))
    limits = FindingThresholds(max_findings_per_service=25, guardduty_min_severity=5.0)
    api = ApiReader(clients, "123456789012", REGION, "iam", (USER,), findings=limits)
    assert api.max_findings == 25 and api.findings is limits
