"""The pieces of fault handling on their own: classification, garbled bodies, the deadline, timeouts."""

from __future__ import annotations

import threading
import time
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from wasp.collect.clients import CONNECT_TIMEOUT, READ_TIMEOUT, call_timeouts, client_config
from wasp.collect.errors import classify
from wasp.collect.responses import MalformedResponse, check_response_body
from wasp.collect.runner import collect, plan
from wasp.collect.schedule import FairPool


def _client_error(message: str, code: str = "AccessDenied", status: int = 403) -> ClientError:
    return ClientError(
        {"Error": {"Code": code, "Message": message}, "ResponseMetadata": {"HTTPStatusCode": status}}, "Op"
    )


@pytest.mark.parametrize("message", ["   ", " \n \n", "", "\n"])
def test_a_blank_error_message_is_classified(message: str) -> None:
    denied = classify(_client_error(message), "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock")
    assert denied is not None and denied.kind == "access_denied"
    broken = classify(_client_error(message, "InternalFailure", 500), "GetStages", "apigateway:GET")
    assert broken is not None and broken.kind == "not_implemented"
    other = classify(_client_error(message, "Weird", 400), "GetStages", "apigateway:GET")
    assert other is not None and other.message == "GetStages failed: Weird: Weird"


def test_the_first_non_blank_line_of_a_message_is_kept() -> None:
    got = classify(_client_error("\n  \n  bad   thing \nmore", "Weird", 400), "Op", "x:Op")
    assert got is not None and got.message == "Op failed: Weird: bad thing"


class _Model:
    has_streaming_output = False

    def __init__(self, protocol: str) -> None:
        self.name = "ListKeys"
        self.metadata = {"protocol": protocol}
        self.service_model = type("S", (), {"resolved_protocol": protocol})()


@pytest.mark.parametrize(
    ("protocol", "status", "body", "bad"),
    [
        ("json", 200, b'{"Keys": []}', False),
        ("json", 200, b'{"Keys": [', True),  # truncated: botocore would read it as "no keys"
        ("json", 200, b"\xff\xfe{}", True),  # not UTF-8: botocore would raise UnicodeDecodeError
        ("rest-json", 400, b"\xff", True),
        ("rest-json", 502, b"<html>bad gateway</html>", False),  # an error status: botocore reads it as one
        ("json", 200, b"", False),
        ("query", 200, b"<xml", False),  # XML parsers raise their own parser error on garbling
        ("rest-xml", 200, b'{"Statement": \xff', True),  # a bucket policy payload that is not UTF-8
    ],
)
def test_garbled_json_bodies_are_refused(protocol: str, status: int, body: bytes, bad: bool) -> None:
    response = {"status_code": status, "body": body, "headers": {}}
    if bad:
        with pytest.raises(MalformedResponse) as exc:
            check_response_body(_Model(protocol), response)
        assert "ListKeys" in str(exc.value) and "Keys" not in str(exc.value).replace("ListKeys", "")
        got = classify(exc.value, "ListKeys", "kms:ListKeys")
        assert got is not None and got.kind == "malformed_response"
    else:
        check_response_body(_Model(protocol), response)


def test_per_call_timeouts_fit_the_budget() -> None:
    assert call_timeouts(None) == (CONNECT_TIMEOUT, READ_TIMEOUT)
    assert call_timeouts(900, 3) == (CONNECT_TIMEOUT, READ_TIMEOUT)
    assert call_timeouts(24, 2) == (3.0, 3.0)
    assert call_timeouts(2, 3) == (1.0, 1.0)
    config = client_config(2, budget=24)
    assert (config.connect_timeout, config.read_timeout) == (3.0, 3.0)


def test_the_pool_stops_waiting_at_the_deadline_and_balances_keys() -> None:
    hold = threading.Event()
    started: list[str] = []

    def work(item: tuple[str, int]) -> str:
        started.append(item[0])
        if item[0] == "hung":
            hold.wait(30)
        return f"{item[0]}-{item[1]}"

    items = [("hung", n) for n in range(6)] + [("fine", n) for n in range(6)]
    pool = FairPool(items, work, key=lambda i: i[0], workers=4)
    t0 = time.monotonic()
    results = pool.wait(time.monotonic() + 1.0)
    hold.set()
    assert time.monotonic() - t0 < 10
    # first in plan order, the hung items would take every worker; balanced, they hold only their share
    assert sorted(results.values()) == [f"fine-{n}" for n in range(6)]


def test_the_pool_hands_a_workers_exception_to_the_waiter() -> None:
    def work(item: int) -> int:
        if item == 3:
            raise KeyError("bug")
        return item

    with pytest.raises(KeyError):
        FairPool(list(range(6)), work, key=lambda i: 0, workers=2).wait(None)


class _SlowFactory:
    """A client factory whose clients never answer in time (for the deadline)."""

    def __init__(self) -> None:
        from wasp.collect.clients import ClientFactory

        self.inner = ClientFactory(boto3.session.Session(region_name="eu-west-2"))
        self.calls = self.inner.calls
        self.release = threading.Event()

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        release = self.release

        class Hung:
            def __getattr__(self, name: str) -> Any:
                def call(**_: Any) -> Any:
                    release.wait(30)
                    return {}

                return call

            def get_paginator(self, name: str) -> Any:
                raise AssertionError("not reached")

        return Hung()

    def call_counts(self) -> dict[str, int]:
        return {}


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WASP_DEBUG", raising=False)


def test_unfinished_tasks_at_the_deadline_become_deadline_gaps() -> None:
    from wasp.collect.cloudtrail import CloudTrailCollector

    factory = _SlowFactory()
    tasks = plan([CloudTrailCollector()], ["123456789012"], ("eu-west-2", "eu-west-1"))
    t0 = time.monotonic()
    inventory, _ = collect(tasks, {"123456789012": factory}, ("eu-west-2", "eu-west-1"), timeout=0.5)  # type: ignore[dict-item]
    factory.release.set()
    assert time.monotonic() - t0 < 10
    gaps = sorted((g.region, g.error, g.blocks_service) for g in inventory.gaps)
    assert gaps == [("eu-west-1", "deadline", True), ("eu-west-2", "deadline", True)]
    assert "--timeout of 0.5s" in inventory.gaps[0].message


def test_types_a_collector_never_reached_are_not_read_rather_than_empty() -> None:
    from collections.abc import Iterator

    from wasp.collect.api import ApiReader
    from wasp.collect.base import Collector, live
    from wasp.model import Resource

    class TwoListings(Collector):
        name = "two"
        service = "ec2"
        resource_types = ("T::A", "T::B", "T::C")
        permissions = ()

        def collect(self, api: ApiReader) -> Iterator[Resource]:
            yield Resource("T::A", "a1", {}, live(api, api.region))
            api.call("describe_nothing", affects=("T::B",))  # fails: stops the collector before C
            yield Resource("T::C", "c1", {}, live(api, api.region))

    class Denied:
        def client(self, service: str, region: str, operation: str | None = None) -> Any:
            class C:
                def describe_nothing(self, **_: Any) -> Any:
                    raise _client_error("denied")

            return C()

        calls: dict[str, int] = {}

        def call_counts(self) -> dict[str, int]:
            return {}

    inventory, _ = collect(plan([TwoListings()], ["1"], ("eu-west-2",)), {"1": Denied()}, ("eu-west-2",))  # type: ignore[dict-item]
    blocked = sorted((t, g.error) for g in inventory.gaps if g.blocks_service for t in g.resource_types)
    assert blocked == [("T::B", "access_denied"), ("T::C", "access_denied")]
    assert [r.id for r in inventory.of_type("T::A")] == ["a1"]
