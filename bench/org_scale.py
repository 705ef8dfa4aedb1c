"""Benchmark: review an emulated organisation of N member accounts with threads and with dask-local.

For each N, a moto server (its own process, on 127.0.0.1) is seeded with an organisation: the management account,
OUs prod, dev and prod/payments, an SCP on prod, and N members with a tagged account, a bucket and a VPC with an
open security group each. Each executor then reviews it in a fresh child process (`wasp review --org` in-process:
discovery, assuming the role in every member, collection, evaluation). Printed per run: wall seconds, peak RSS of
the reviewing process and of the largest Dask worker (VmHWM), API calls, tasks and tasks/s, the machine's
load average over the run (1-minute, at its start and end: the figures mean little on a busy machine), and a
digest of the review JSON, which must be the same for both executors. Then the time for 5,000 accounts on K
workers, extrapolated linearly from the per-account cost measured at the largest N, and whether the
100-account (or largest) thread review kept within the memory target (400 MiB).

    PYTHONPATH=src .venv/bin/python bench/org_scale.py --sizes 10,50,100 --workers 2
    PYTHONPATH=src .venv/bin/python bench/org_scale.py --sizes 500 --workers 2     # about 20 min

``--tracemalloc`` also prints the 10 largest allocation sites of each reviewing process (slower; to find
where memory goes when the target is missed).

Needs wasp[demo] (moto server) and wasp[dask]. On emulated AWS the moto server is the bottleneck (one process
answering every account); on AWS each account has its own rate limits, so adding workers scales out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime

REGION = "us-east-1"
RSS_TARGET_MIB = 400
"""Peak RSS allowed for a 100-account review on threads (issue #16)."""
ROLE = "WaspReadOnly"
COLLECTORS = ["organizations", "s3", "vpc", "cloudtrail", "guardduty", "config"]
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_mib() -> float:
    """This process's peak RSS (VmHWM), MiB.

    Not ``getrusage``: its ``ru_maxrss`` keeps the parent's RSS at fork time across exec, so a child of a big
    process would report the parent's size.
    """
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def child(executor: str, workers: int, trace: bool) -> None:
    """Review the organisation at AWS_ENDPOINT_URL; print one JSON line of figures (last line)."""
    if trace:
        import tracemalloc

        tracemalloc.start(1)
    from wasp.model import Workload
    from wasp.org.collect import Step
    from wasp.org.executor import make_executor
    from wasp.report import review_dict
    from wasp.workflow import review_live

    started = time.perf_counter()
    workload = Workload(name="org-bench", regions=(REGION,), role_name=ROLE, org=True)
    chosen = None if executor == "threads" else make_executor(executor, workers)
    worker_peak = [0.0]

    def at_end(step: Step) -> None:
        """When the last task is in, ask every Dask worker for its peak RSS."""
        if chosen is not None and step.phase == "collect" and step.done == step.total:
            peaks = chosen.client.run(peak_mib).values()  # type: ignore[attr-defined]
            worker_peak[0] = max(peaks, default=0.0)

    run = review_live(
        workload, collectors=COLLECTORS, now=NOW, workers=8, executor=chosen, timeout=None, phases=at_end
    )
    doc = json.dumps(review_dict(run.review))
    wall = time.perf_counter() - started
    if trace:
        _print_top_allocations()
    figures = {
        "wall": wall,
        "rss": peak_mib(),
        "rss_children": worker_peak[0],
        "api_calls": run.stats.api_calls,
        "tasks": run.stats.tasks,
        "accounts": run.stats.accounts_reviewed,
        "selected": run.stats.accounts_selected,
        "retries": run.stats.retries,
        "digest": hashlib.sha256(doc.encode()).hexdigest()[:12],
        "load_end": os.getloadavg()[0],
    }
    print(json.dumps(figures), flush=True)


def _print_top_allocations() -> None:
    """The 10 largest live allocation sites now, and the traced peak (this process only)."""
    import tracemalloc

    current, peak = tracemalloc.get_traced_memory()
    print(f"tracemalloc: current {current / 2**20:.0f} MiB, peak {peak / 2**20:.0f} MiB", file=sys.stderr)
    for stat in tracemalloc.take_snapshot().statistics("filename")[:10]:
        print(f"  {stat.size / 2**20:7.1f} MiB  {stat.traceback[0].filename}", file=sys.stderr)


def seed(url: str, members: int) -> None:
    """Seed the organisation on the moto server at ``url``."""
    import boto3

    from wasp.org.emulate import seed_org

    os.environ["AWS_ENDPOINT_URL"] = url
    seed_org(boto3.session.Session(region_name=REGION), members, REGION, ROLE, workers=8)


def main() -> None:
    """Seed and review each size with each executor; print the table and the extrapolation."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,50,100")
    parser.add_argument("--workers", type=int, default=2, help="dask-local worker processes")
    parser.add_argument("--executors", default="threads,dask-local")
    parser.add_argument("--tracemalloc", action="store_true", help="print the largest allocation sites")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    for var, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing")):
        os.environ.setdefault(var, value)
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    os.environ["MOTO_EC2_LOAD_DEFAULT_AMIS"] = "false"
    if args.child:
        child(args.child, args.workers, args.tracemalloc)
        return
    print(
        "| accounts | executor | wall s | tasks | tasks/s | API calls | peak RSS MiB (process / largest worker) | "
        "retries | load (start-end) | review digest |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|---|")
    last: dict[str, dict[str, float]] = {}
    memory: dict[int, tuple[float, float]] = {}
    for n in (int(s) for s in args.sizes.split(",")):
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for(port)
            t = time.perf_counter()
            seed(url, n)
            seeded = time.perf_counter() - t
            digests = set()
            for executor in args.executors.split(","):
                env = {**os.environ, "AWS_ENDPOINT_URL": url}
                load = os.getloadavg()[0]
                command = [sys.executable, __file__, "--child", executor, "--workers", str(args.workers)]
                done = subprocess.run(
                    command + (["--tracemalloc"] if args.tracemalloc else []),
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                if args.tracemalloc:
                    print(f"<!-- N={n} {executor}:\n{done.stderr.strip()}\n-->", flush=True)
                f = json.loads(done.stdout.strip().splitlines()[-1])
                digests.add(f["digest"])
                last[executor] = {**f, "n": n}
                if executor == "threads":
                    memory[n] = (f["accounts"], f["rss"])
                print(
                    f"| {f['accounts']} | {executor} | {f['wall']:.1f} | {f['tasks']} | {f['tasks'] / f['wall']:.1f} | "
                    f"{f['api_calls']} | {f['rss']:.0f} / {f['rss_children']:.0f} | {f['retries']} | "
                    f"{load:.1f}-{f['load_end']:.1f} | {f['digest']} |",
                    flush=True,
                )
            same = "identical" if len(digests) == 1 else "DIFFERENT"
            print(f"<!-- N={n}: seeded in {seeded:.1f}s; review JSON {same} across executors -->", flush=True)
        finally:
            server.terminate()
            server.wait()
    print()
    threads = memory.get(100) or (memory[max(memory)] if memory else None)
    if threads is not None:
        verdict = "within" if threads[1] <= RSS_TARGET_MIB else "OVER"
        print(
            f"memory: the {threads[0]:.0f}-account thread review peaked at {threads[1]:.0f} MiB, {verdict} the "
            f"{RSS_TARGET_MIB} MiB target"
        )
    for executor, f in last.items():
        procs = 1 if executor == "threads" else args.workers
        cost = f["wall"] * procs / f["accounts"]  # seconds of one worker process per account
        shown = (1,) if executor == "threads" else (8, 32, 128)
        for k in shown:
            minutes = 5000 * cost / k / 60
            print(
                f"5,000 accounts, {executor}, {k} worker process(es): ~{minutes:.0f} min "
                f"({cost:.2f} s of one process per account at N={f['n']:.0f}; linear in accounts and workers)"
            )


def _wait_for(port: int) -> None:
    """Until the moto server accepts connections (at most 30 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the moto server on port {port} did not start")


if __name__ == "__main__":
    main()
