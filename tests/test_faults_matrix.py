"""The full fault matrix: every operation the collectors call x every fault kind (slow; `-m slow`).

The estate is the demo's payments account plus the fault estate. Each collector is first reviewed alone
without faults (its baseline and the calls it makes); then each of its calls is faulted in turn. Every
faulted review must complete, write review.json and exit 0, no practice may become met or not applicable
because of the fault, and no collector may stop on an unexpected exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from faults_proxy import (
    FAULTS,
    Baseline,
    FaultProxy,
    collector_services,
    discover,
    matrix,
    reset_moto,
    run_case,
    seed_fault_estate,
)
from test_faults_proxy import ENV, REGION, review
from wasp.collect.registry import COLLECTORS

pytestmark = pytest.mark.slow


def _review(collectors: str, out: Path) -> tuple[int, dict[str, Any] | None]:
    return review(collectors, out, extra=("--max-attempts", "1"))


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FaultProxy, dict[str, Baseline], Path]]:
    """The demo estate and the fault estate behind the proxy, with every collector's baseline."""
    from moto.core.config import default_user_config
    from moto.server import ThreadedMotoServer

    from wasp.demo.seed import seed_payments_account

    mp = pytest.MonkeyPatch()
    for k, v in ENV.items():
        mp.setenv(k, v)
    mp.setitem(default_user_config["iam"], "load_aws_managed_policies", True)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    upstream = f"http://{host}:{port}"
    mp.setenv("AWS_ENDPOINT_URL", upstream)
    try:
        reset_moto(upstream)
        session = boto3.session.Session(region_name=REGION)
        seed_payments_account(session)
        seed_fault_estate(session, REGION)
        proxy = FaultProxy(upstream, collector_services())
        mp.setenv("AWS_ENDPOINT_URL", proxy.url)
        out = tmp_path_factory.mktemp("matrix")
        baselines = discover(proxy, _review, [c.name for c in COLLECTORS], out)
        yield proxy, baselines, out
        proxy.stop()
    finally:
        server.stop()
        mp.undo()


@pytest.fixture(autouse=True)
def _through_the_proxy(
    rich: tuple[FaultProxy, dict[str, Baseline], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", rich[0].url)
    monkeypatch.delenv("WASP_DEBUG", raising=False)


@pytest.mark.parametrize("kind", FAULTS)
def test_every_operation_under_every_fault(
    rich: tuple[FaultProxy, dict[str, Baseline], Path], kind: str
) -> None:
    proxy, baselines, out = rich
    cases = matrix(baselines)
    assert len(cases) > 80  # every operation the collectors call against the seeded estate
    problems: list[str] = []
    for n, (call, collector) in enumerate(cases):
        r = run_case(proxy, _review, call, collector, kind, baselines[collector], out / f"{kind}-{n}")
        label = f"{call.service}:{call.operation} ({collector}) {kind}"
        if not r.hits:
            problems.append(f"{label}: the fault never hit")
        if not r.completed:
            problems.append(f"{label}: exit {r.exit_code}")
        problems += [f"{label}: {w}" for w in r.wrongly]
        problems += [f"{label}: {e}" for e in r.errors]
    assert not proxy.unidentified, proxy.unidentified
    assert not problems, "\n".join(problems)
