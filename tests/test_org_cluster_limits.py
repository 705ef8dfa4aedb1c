"""Concurrency limits held cluster-wide on Dask: one account's tasks on two worker processes stay within its limits."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from wasp.org.executor import make_executor
from wasp.org.limits import limiter

pytestmark = pytest.mark.slow

PER_ACCOUNT = 3
PER_SERVICE = 2
SERVICES = ("ec2", "s3", "kms", "iam")


def _timed(account: str, service: str, seconds: float) -> tuple[str, str, int, float, float]:
    """On a worker: hold the cluster limits, record (account, service, pid, start, end)."""
    with limiter("cluster").hold(account, service, per_account=PER_ACCOUNT, per_service=PER_SERVICE):
        start = time.time()
        time.sleep(seconds)
        end = time.time()
    return account, service, os.getpid(), start, end


def _held_until(account: str, service: str, event: str) -> int:
    """On a worker: hold the cluster limits until the Dask event ``event`` is set."""
    from distributed import Event

    with limiter("cluster").hold(account, service, per_account=PER_ACCOUNT, per_service=PER_ACCOUNT):
        assert Event(event).wait(timeout=120), "the test never released the account"
    return os.getpid()


def _most_at_once(spans: list[tuple[float, float]]) -> int:
    """The largest number of spans open at one instant (an end before a start at the same time)."""
    edges = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans], key=lambda x: (x[0], x[1]))
    most = running = 0
    for _, step in edges:
        running += step
        most = max(most, running)
    return most


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A dask-local executor of 2 worker processes (4 threads each), started once."""
    pytest.importorskip("distributed")
    with make_executor("dask-local", 2) as executor:
        yield executor


def test_one_account_never_exceeds_its_limits_across_both_workers(cluster: Any) -> None:
    client = cluster.client
    futures = [
        client.submit(_timed, "111122223333", SERVICES[i % len(SERVICES)], 1.0, pure=False) for i in range(16)
    ]
    futures += [client.submit(_timed, "210987654321", "ec2", 1.0, pure=False) for _ in range(4)]
    spans = client.gather(futures)
    mine = [s for s in spans if s[0] == "111122223333"]
    assert len({pid for _, _, pid, _, _ in mine}) == 2, (
        "the account's tasks ran on both workers (else this test proves nothing)"
    )
    assert _most_at_once([(s, e) for *_, s, e in mine]) <= PER_ACCOUNT
    for service in SERVICES:
        assert _most_at_once([(s, e) for _, svc, _, s, e in mine if svc == service]) <= PER_SERVICE
    assert _most_at_once([(s, e) for *_, s, e in mine]) == PER_ACCOUNT, "the limit is reached, not serialised"


def test_an_account_at_its_limit_does_not_hold_back_another(cluster: Any) -> None:
    from distributed import Event, wait

    client = cluster.client
    release = Event("wasp-test-release")
    held = [
        client.submit(_held_until, "333344445555", s, "wasp-test-release", pure=False)
        for s in SERVICES[:PER_ACCOUNT]
    ]
    waiting = client.submit(_held_until, "333344445555", "iam", "wasp-test-release", pure=False)
    others = [client.submit(_timed, "444455556666", s, 0.1, pure=False) for s in SERVICES]
    try:
        wait(others, timeout=60)
        assert all(f.status == "finished" for f in others), "another account's tasks ran meanwhile"
        assert not any(f.done() for f in [*held, waiting]), "the full account's tasks are still held"
    finally:
        release.set()
    assert len(client.gather([*held, waiting])) == PER_ACCOUNT + 1, "released, the account's tasks all ran"


def _result(n: int) -> bytes:
    """On a worker: a result of 64 KiB."""
    time.sleep(0.05)
    return bytes(65536)


def test_results_are_let_go_on_the_cluster_as_soon_as_they_arrive(cluster: Any) -> None:
    """Workers do not hold every result until the last task ends (their memory would grow with accounts)."""
    client = cluster.client
    kept: list[int] = []

    def at_last(done: int, index: int, result: Any) -> None:
        if done == 40:
            kept.append(len(client.who_has()))

    results = cluster.map(_result, list(range(40)), key=lambda n: n, deadline=None, on_done=at_last)
    assert len(results) == 40 and kept
    assert kept[0] <= 20, f"{kept[0]} results still held on the workers"
