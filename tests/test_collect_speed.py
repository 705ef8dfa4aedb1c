"""What keeps a live review quick without reading less: task order, retry attempts, counting calls."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import pytest

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.collect.clients import ClientFactory, client_config
from wasp.collect.runner import collect, plan
from wasp.model import Resource


class _Factory:
    """Clients that answer every call with nothing; a stand-in for one account's ClientFactory."""

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        class Empty:
            def __getattr__(self, name: str) -> Any:
                return lambda **_: {}

        return Empty()

    def call_counts(self) -> dict[str, int]:
        return {}


def _collector(name: str, cost: int, ran: list[str]) -> Collector:
    class Fake(Collector):
        service = "ec2"
        resource_types = (f"T::{name}",)
        permissions = ()

        def collect(self, api: ApiReader) -> Iterator[Resource]:
            ran.append(f"{name}/{api.region}")
            yield Resource(f"T::{name}", f"{name}-{api.region}", {}, live(api, api.region))

    Fake.name = name
    Fake.cost = cost
    return Fake()


def test_costly_collectors_start_first_and_results_keep_plan_order() -> None:
    ran: list[str] = []
    collectors = [_collector("a", 1, ran), _collector("heavy", 10, ran), _collector("b", 1, ran)]
    regions = ("eu-west-2", "eu-west-1")
    inventory, stats = collect(plan(collectors, ["1"], regions), {"1": _Factory()}, regions, workers=1)  # type: ignore[dict-item]
    assert ran == [
        "heavy/eu-west-2",
        "heavy/eu-west-1",
        "a/eu-west-2",
        "a/eu-west-1",
        "b/eu-west-2",
        "b/eu-west-1",
    ]
    # the inventory is merged in plan order, whatever order the tasks ran in
    assert [r.id for r in inventory] == [
        "a-eu-west-2",
        "a-eu-west-1",
        "heavy-eu-west-2",
        "heavy-eu-west-1",
        "b-eu-west-2",
        "b-eu-west-1",
    ]
    assert stats.tasks == 6


def test_progress_names_the_task_that_finished() -> None:
    ran: list[str] = []
    seen: list[tuple[int, int, str]] = []
    collectors = [_collector("a", 1, ran), _collector("heavy", 5, ran)]
    collect(
        plan(collectors, ["1"], ("eu-west-2",)),
        {"1": _Factory()},  # type: ignore[dict-item]
        ("eu-west-2",),
        workers=1,
        progress=lambda done, total, label: seen.append((done, total, label)),
    )
    assert seen == [(1, 2, "1/eu-west-2/heavy"), (2, 2, "1/eu-west-2/a")]


class _Failing(BaseHTTPRequestHandler):
    """Answers every request with HTTP 500 and counts them."""

    hits = 0
    lock = threading.Lock()

    def do_POST(self) -> None:  # http.server calls it by this name
        with _Failing.lock:
            _Failing.hits += 1
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"__type": "InternalFailure", "message": "broken"}'
        self.send_response(500)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        """Quiet."""


@pytest.fixture
def failing_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Failing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    monkeypatch.setenv("AWS_ENDPOINT_URL", url)
    _Failing.hits = 0
    try:
        yield url
    finally:
        server.shutdown()


@pytest.mark.parametrize("attempts", [1, 3])
def test_max_attempts_counts_the_first_attempt_and_a_failing_call_still_ends_as_a_gap(
    failing_endpoint: str, attempts: int
) -> None:
    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name="eu-west-2"
    )
    factory = ClientFactory(session, client_config(max_attempts=attempts))
    api = ApiReader(factory, "123456789012", "eu-west-2", "kms", ("AWS::KMS::Key",))
    with pytest.raises(CallFailed):
        api.call("list_keys", affects=("AWS::KMS::Key",))
    assert _Failing.hits == attempts
    assert [(g.operation, g.region) for g in api.gaps] == [("list_keys", "eu-west-2")]
    assert factory.call_counts() == {"kms:ListKeys": 1}  # calls are counted, not attempts


def test_counting_a_call_does_not_wait_for_a_client_being_created() -> None:
    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name="eu-west-2"
    )
    factory = ClientFactory(session)
    kms = factory.client("kms", "eu-west-2")
    counted = threading.Event()

    def count_while_creating(*_: Any, **__: Any) -> Any:
        # runs while the factory holds its creation lock: a call elsewhere must still be counted
        worker = threading.Thread(
            target=lambda: (factory._count("kms", "before-call.KMS.ListKeys"), counted.set())
        )
        worker.start()
        worker.join(timeout=10)
        return real_client(*_, **__)

    real_client = session.client
    session.client = count_while_creating  # type: ignore[method-assign]
    factory.client("sqs", "eu-west-2")
    assert counted.is_set()
    assert factory.call_counts() == {"kms:ListKeys": 1}
    assert factory.client("kms", "eu-west-2") is kms
