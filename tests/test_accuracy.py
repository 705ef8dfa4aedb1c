"""The labelled estate (tests/estate.py) reviewed live through a moto server in two regions, and scored.

Every insecure twin must fail on the right resource and best practice, every secure twin must pass, and every
field wasp could not see must be unknown. ``bench/accuracy.py`` prints the same score with figures.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

import estate
from faults_proxy import FaultProxy, collector_services
from wasp.model.workload import Workload
from wasp.report.document import review_dict
from wasp.workflow import review_live


@pytest.fixture(scope="module")
def reviewed() -> Iterator[tuple[list[estate.Label], dict[str, object], float, dict[str, object]]]:
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
        # the same estate again, through a proxy that denies the reads behind some verdicts
        proxy = FaultProxy(f"http://{host}:{port}", collector_services())
        mp.setenv("AWS_ENDPOINT_URL", proxy.url)
        proxy.set_fault("403", lambda c: (c.service, c.operation) in set(estate.UNSEEN_FAULTS))
        try:
            denied = review_live(Workload(name="estate", regions=estate.REGIONS), workers=4).review
        finally:
            proxy.stop()
        hidden = json.loads(json.dumps(review_dict(denied), default=str))
        yield labels, doc, run.stats.api_calls / max(1, resources), hidden
    finally:
        server.stop()
        mp.undo()


Reviewed = tuple[list[estate.Label], dict[str, object], float, dict[str, object]]


def test_every_label_is_judged_right(reviewed: Reviewed) -> None:
    labels, doc, *_ = reviewed
    result = estate.score(doc["findings"], labels)  # type: ignore[arg-type]
    assert not result.wrong, "\n".join(result.wrong)
    assert result.total >= 20


def test_what_could_not_be_read_is_unknown(reviewed: Reviewed) -> None:
    labels, _, _, hidden = reviewed
    unseen = estate.unseen_labels(labels)
    result = estate.score(hidden["findings"], unseen)  # type: ignore[arg-type]
    assert len(unseen) >= 4 and not result.wrong, "\n".join(result.wrong)


def test_the_estate_costs_few_calls_per_resource(reviewed: Reviewed) -> None:
    _, _, per_resource, _ = reviewed
    # a guard against per-resource call creep; a small estate carries the fixed cost of ~50 collection tasks
    # per region (bench/live_vs_prowler.py prints the figure at scale, where it is under 2)
    assert per_resource <= 5.0


def test_every_operation_the_review_called_was_in_its_cut_service_models(reviewed: Reviewed) -> None:
    from wasp.collect import lean_models

    loader = lean_models._LOADER
    assert loader is not None  # the review made its clients from cut models
    assert loader.widened == frozenset()  # and no call needed a whole model (see wasp.collect.lean_models)
