"""Fault matrix: each fault kind on every operation the collectors call -> completed / wrongly met / time.

A moto server on 127.0.0.1 holds the demo's payments account and the fault estate; the fault proxy from
tests/faults_proxy.py sits in front of it. Each collector is reviewed alone without faults (its baseline
and the calls it makes); then each call is faulted in turn (403, 500, throttling, connection reset,
malformed body) during a review of that collector. A case completes when the review writes review.json
and exits 0; it is wrong when a practice is met or not applicable under the fault but not without it.

    PYTHONPATH=src .venv/bin/python bench/faults.py [--kinds 403,reset] [--limit 20] [--max-attempts 1]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from faults_proxy import (  # noqa: E402  (tests/ is on the path only now)
    FAULTS,
    FaultProxy,
    collector_services,
    discover,
    matrix,
    reset_moto,
    run_case,
    seed_fault_estate,
)

REGION = "eu-west-2"


def main() -> None:
    """Seed, discover, run the matrix, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kinds", default=",".join(FAULTS))
    parser.add_argument("--limit", type=int, default=0, help="operations per kind (0: all)")
    parser.add_argument("--max-attempts", default="1", help="wasp --max-attempts for each review")
    args = parser.parse_args()
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": REGION,
            "MOTO_EC2_LOAD_DEFAULT_AMIS": "false",
        }
    )
    os.environ.pop("AWS_PROFILE", None)
    import boto3
    from moto.core.config import default_user_config
    from moto.server import ThreadedMotoServer

    from wasp.cli.app import main as wasp
    from wasp.collect.registry import COLLECTORS
    from wasp.demo.seed import seed_payments_account

    default_user_config["iam"]["load_aws_managed_policies"] = True
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    upstream = f"http://{host}:{port}"
    os.environ["AWS_ENDPOINT_URL"] = upstream
    reset_moto(upstream)
    started = time.monotonic()
    session = boto3.session.Session(region_name=REGION)
    seed_payments_account(session)
    seed_fault_estate(session, REGION)
    proxy = FaultProxy(upstream, collector_services())
    os.environ["AWS_ENDPOINT_URL"] = proxy.url
    print(f"seeded in {time.monotonic() - started:.1f}s", flush=True)

    def review(collectors: str, out: Path) -> tuple[int, dict[str, Any] | None]:
        argv = ["review", "--name", "bench", "--regions", REGION, "--out", str(out)]
        argv += ["--collectors", collectors, "--max-attempts", args.max_attempts]
        code = 0
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                wasp(argv)
            except SystemExit as exc:
                code = int(exc.code or 0)
        path = out / "review.json"
        return code, json.loads(path.read_text()) if path.exists() else None

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        started = time.monotonic()
        baselines = discover(proxy, review, [c.name for c in COLLECTORS], out)
        cases = matrix(baselines)
        print(
            f"{len(cases)} (operation, collector) cases from {len(baselines)} collectors; "
            f"baselines in {time.monotonic() - started:.1f}s",
            flush=True,
        )
        if args.limit:
            cases = cases[: args.limit]
        rows = []
        for kind in args.kinds.split(","):
            started = time.monotonic()
            done = wrong = errors = missed = 0
            for n, (call, collector) in enumerate(cases):
                r = run_case(proxy, review, call, collector, kind, baselines[collector], out / f"{kind}-{n}")
                done += r.completed
                wrong += bool(r.wrongly)
                errors += bool(r.errors)
                missed += not r.hits
                for w in r.wrongly:
                    print(f"  WRONG {kind} {call.service}:{call.operation} ({collector}): {w}", flush=True)
                for e in r.errors:
                    print(f"  ERROR {kind} {call.service}:{call.operation} ({collector}): {e}", flush=True)
            rows.append((kind, len(cases), done, wrong, errors, missed, time.monotonic() - started))
            print(f"  {kind}: done in {rows[-1][-1]:.0f}s", flush=True)
    print()
    print(
        f"{'fault':<10} {'operations':>10} {'completed':>10} {'wrongly met/NA':>15} {'errors':>7} {'missed':>7} {'time':>8}"
    )
    for kind, ops, done, wrong, errors, missed, secs in rows:
        print(f"{kind:<10} {ops:>10} {done:>10} {wrong:>15} {errors:>7} {missed:>7} {secs:>7.0f}s")
    print(
        "errors: cases with a collector_error or rule_error gap (contained, but a defect); missed: the fault never hit"
    )
    proxy.stop()
    server.stop()


if __name__ == "__main__":
    main()
