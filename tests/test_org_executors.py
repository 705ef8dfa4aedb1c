"""The executor interface: threads by default, Dask (LocalCluster) on request, the same review JSON from both."""

from __future__ import annotations

import json
import os
import pickle
import signal
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from typing import Any

import boto3
import pytest

from wasp.errors import InputError
from wasp.model import Workload
from wasp.org import access
from wasp.org.access import AccountOpener
from wasp.org.emulate import SeededOrg, seed_org
from wasp.org.executor import ThreadExecutor, make_executor
from wasp.org.work import RunSettings, TaskSpec, run_spec
from wasp.report import review_dict
from wasp.workflow import review_live

REGION = "us-east-1"
ROLE = "WaspReadOnly"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
COLLECTORS = ["organizations", "s3", "vpc"]


def test_payloads_carry_names_never_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "very-secret-value-123")
    opener = AccountOpener(None, REGION, ROLE, "123456789012")
    payload = pickle.dumps(
        (partial(run_spec, RunSettings(opener, (REGION,))), TaskSpec("210987654321", REGION, "s3"))
    )
    assert b"very-secret" not in payload and b"testing" not in payload
    assert b"WaspReadOnly" in payload and b"210987654321" in payload


def test_the_thread_executor_returns_results_by_index_and_stops_at_the_deadline() -> None:
    with ThreadExecutor(3) as ex:
        assert ex.map(lambda n: n * n, [3, 1, 2], key=lambda n: n, deadline=None) == {0: 9, 1: 1, 2: 4}
        assert ex.map(lambda n: n, [1], key=lambda n: n, deadline=0.0) in ({}, {0: 1})


@pytest.mark.parametrize(
    ("kind", "scheduler", "message"),
    [
        ("dask", None, "needs --scheduler"),
        ("dask-local", "tcp://127.0.0.1:1", "drop --scheduler"),
        ("threads", "tcp://127.0.0.1:1", "with --executor dask"),
        ("ray", None, "unknown executor"),
    ],
)
def test_executor_choices_are_checked(kind: str, scheduler: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        make_executor(kind, 2, scheduler)


@pytest.fixture(scope="module")
def server_org() -> Iterator[tuple[SeededOrg, str]]:
    """A moto server on 127.0.0.1 holding an organisation of 4 members (Dask workers reach it over HTTP)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    # the server shares this process's moto backends: start from none, whatever earlier tests left behind
    urllib.request.urlopen(
        urllib.request.Request(f"http://{host}:{port}/moto-api/reset", method="POST")
    ).read()
    with pytest.MonkeyPatch.context() as mp:
        for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(var, "testing")
        mp.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
        yield seed_org(boto3.session.Session(region_name=REGION), 4, REGION, ROLE), f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def endpoint(server_org: tuple[SeededOrg, str], monkeypatch: pytest.MonkeyPatch) -> SeededOrg:
    """The server's endpoint in this test's environment too (the autouse fixture clears it)."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", server_org[1])
    access.forget_credentials()
    return server_org[0]


def _review_json(executor: Any = None, progress: Any = None) -> str:
    workload = Workload(name="org", regions=(REGION,), role_name=ROLE, org=True)
    run = review_live(workload, collectors=COLLECTORS, now=NOW, executor=executor, progress=progress)
    assert run.stats.accounts_reviewed == 5
    return json.dumps(review_dict(run.review), sort_keys=False)


@pytest.fixture(scope="module")
def threads_json(server_org: tuple[SeededOrg, str]) -> str:
    """The organisation's review JSON from the default thread executor (computed once)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AWS_ENDPOINT_URL", server_org[1])
        for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(var, "testing")
        access.forget_credentials()
        return _review_json()


@pytest.mark.slow
def test_review_json_is_byte_identical_between_threads_and_dask_local(
    endpoint: SeededOrg, threads_json: str
) -> None:
    pytest.importorskip("distributed")
    assert f'"{endpoint.members[0]}"' in threads_json
    assert _review_json(make_executor("dask-local", 2)) == threads_json


@pytest.mark.slow
def test_a_worker_killed_mid_run_has_its_tasks_retried(endpoint: SeededOrg, threads_json: str) -> None:
    pytest.importorskip("distributed")
    expected = threads_json
    executor = make_executor("dask-local", 2)
    killed: list[tuple[int, int]] = []

    def kill_once(done: int, total: int, label: str) -> None:
        if killed or not label.startswith("collect"):
            return
        pids = sorted(executor.client.run(os.getpid).values())  # type: ignore[attr-defined]
        os.kill(pids[0], signal.SIGKILL)
        killed.append((done, total))

    assert _review_json(executor, kill_once) == expected
    assert killed and killed[0][0] < killed[0][1], "the worker was killed while tasks were left"


def test_dask_without_the_extra_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from wasp.extras import MissingExtra

    real = importlib.import_module

    def no_dask(name: str, *args: Any) -> Any:
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", no_dask)
    with pytest.raises(MissingExtra, match=r"wasp\[dask\]"):
        make_executor("dask-local", 2)
