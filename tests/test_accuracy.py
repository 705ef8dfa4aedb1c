"""The labelled estate (tests/estate.py) reviewed live through a moto server in two regions, and scored.

Every insecure twin must fail on the right resource and best practice, every secure twin must pass, and every
field wasp could not see must be unknown. ``bench/accuracy.py`` prints the same score with figures.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

import estate
from wasp.model.workload import Workload
from wasp.report.json_review import review_dict
from wasp.workflow import review_live


@pytest.fixture(scope="module")
def reviewed() -> Iterator[tuple[list[estate.Label], dict[str, object], float]]:
    from moto.core.config import default_user_config
    from moto.server import ThreadedMotoServer

    mp = pytest.MonkeyPatch()
    mp.setitem(default_user_config["iam"], "load_aws_managed_policies", True)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    mp.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        mp.setenv(var, "testing")
    mp.setenv("AWS_DEFAULT_REGION", estate.HOME)
    try:
        labels = estate.seed()
        run = review_live(Workload(name="estate", regions=estate.REGIONS), workers=4)
        doc = json.loads(json.dumps(review_dict(run.review), default=str))
        resources = len({(f["resource"]["type"], f["resource"]["id"]) for f in doc["findings"]})
        yield labels, doc, run.stats.api_calls / max(1, resources)
    finally:
        server.stop()
        mp.undo()


def test_every_label_is_judged_right(reviewed: tuple[list[estate.Label], dict[str, object], float]) -> None:
    labels, doc, _ = reviewed
    result = estate.score(doc["findings"], labels)  # type: ignore[arg-type]
    assert not result.wrong, "\n".join(result.wrong)
    assert result.total >= 20


def test_the_estate_costs_few_calls_per_resource(
    reviewed: tuple[list[estate.Label], dict[str, object], float],
) -> None:
    *_, per_resource = reviewed
    # a guard against per-resource call creep; a small estate carries the fixed cost of ~50 collection tasks
    # per region (bench/live_vs_prowler.py prints the figure at scale, where it is under 2)
    assert per_resource <= 5.0
