"""Accuracy on the labelled estate: recall on insecure twins, false positives on secure ones, per section.

Starts a moto server on 127.0.0.1 in this process, seeds the estate of tests/estate.py in two regions, reviews it
live through the same code path as `wasp review`, and prints how each section scored, with the API calls made.

    .venv/bin/python bench/accuracy.py
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from moto.core.config import default_user_config
from moto.server import ThreadedMotoServer

import estate
from faults_proxy import FaultProxy, collector_services
from wasp.model.workload import Workload
from wasp.report.document import review_dict
from wasp.workflow import review_live


def main() -> int:
    """Seed, review, score, print; exit 1 when any label is judged wrong."""
    default_user_config["iam"]["load_aws_managed_policies"] = True
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    os.environ.update(
        AWS_ENDPOINT_URL=f"http://{host}:{port}",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION=estate.HOME,
    )
    os.environ.pop("AWS_PROFILE", None)
    try:
        labels = estate.seed()
        started = time.perf_counter()
        run = review_live(Workload(name="estate", regions=estate.REGIONS), workers=4)
        elapsed = time.perf_counter() - started
        proxy = FaultProxy(f"http://{host}:{port}", collector_services())
        os.environ["AWS_ENDPOINT_URL"] = proxy.url
        proxy.set_fault("403", lambda c: (c.service, c.operation) in set(estate.UNSEEN_FAULTS))
        try:
            denied = review_live(Workload(name="estate", regions=estate.REGIONS), workers=4).review
        finally:
            proxy.stop()
    finally:
        server.stop()
    hidden = json.loads(json.dumps(review_dict(denied), default=str))
    doc = json.loads(json.dumps(review_dict(run.review), default=str))
    resources = len({(f["resource"]["type"], f["resource"]["id"]) for f in doc["findings"]})
    by_case: dict[str, list[estate.Label]] = defaultdict(list)
    for label in labels:
        by_case[label.case].append(label)
    print("denied in the second review: " + ", ".join(f"{svc}:{op}" for svc, op in estate.UNSEEN_FAULTS))
    print(f"{'section':<16}{'labels':>7}{'right':>7}{'recall':>8}{'false +':>9}")
    wrong: list[str] = []
    for case, case_labels in by_case.items():
        score = estate.score(doc["findings"], case_labels)
        wrong.extend(score.wrong)
        print(
            f"{case:<16}{score.total:>7}{score.right:>7}{score.recall:>8.0%}{len(score.false_positives):>9}"
        )
    unseen = estate.unseen_labels(labels)
    score = estate.score(hidden["findings"], unseen)
    wrong.extend(score.wrong)
    print(f"{'unseen (denied)':<16}{score.total:>7}{score.right:>7}{'-':>8}{len(score.false_positives):>9}")
    total = estate.score(doc["findings"], labels)
    print(
        f"{'all (seen)':<16}{total.total:>7}{total.right:>7}{total.recall:>8.0%}{len(total.false_positives):>9}"
    )
    print(
        f"\nreview {elapsed:.1f} s, {run.stats.api_calls} API calls, {resources} resources with findings, "
        f"{run.stats.api_calls / max(1, resources):.2f} calls per resource"
    )
    for line in wrong:
        print("WRONG", line)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
