"""Benchmark: `wasp serve` under N concurrent clients on 127.0.0.1, over a store holding a 100k-finding review.

Builds the review from the demo (scaled like bench/store_scale.py), saves it in a SQLite store, starts
`wasp serve` as its own process on a free loopback port, logs N clients in, and has them fetch the dashboard and a
question page (its first page of findings, and a filtered one) in turn for a fixed time. Prints p50/p95 latency per
page. Bounded: loopback only, --seconds of load, at most --max-requests per client. Target: p95 < 300 ms.

With --cold it measures instead the first view of each page: for the dashboard, a question page and a finding page
in turn, a fresh server that has read no review yet (warm=False: as a second worker or an older review meets it;
the catalogue and templates load in the background at start, as in `wasp serve`) and the time of its first request
after logging in, then the server's resident memory. Target: < 1 s for the dashboard and question page.

    .venv/bin/python bench/serve_load.py --findings 100000 --clients 8 --seconds 20
    .venv/bin/python bench/serve_load.py --findings 100000 --cold
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from wasp.demo.run import run_demo
from wasp.demo.scale import scaled_review
from wasp.report import review_dict
from wasp.serve.users import add_user
from wasp.store import open_store

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench password 123"
COLD_SERVER = """
import sys, uvicorn
from wasp.serve.app import create_app
from wasp.store import open_store
app = create_app(open_store(sys.argv[1]), secret_key="bench-" + "k" * 32, warm=False)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""
"""A server as `wasp serve` makes it, but reading no review before the first request."""


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def login(base: str, name: str) -> httpx.Client:
    """A client logged in as ``name``."""
    c = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
    token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text)
    assert token, "no login form"
    r = c.post("/login", data={"name": name, "password": PASSWORD, "csrf": token.group(1)})
    assert r.status_code == 303, r.status_code
    return c


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank), in ms."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def rss_mib(pid: int) -> float:
    """A process's resident memory in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start(command: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """A server on a free loopback port, answering: the process and its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [*command, str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base)
    except BaseException:
        server.terminate()
        server.wait(10)
        raise
    return server, base


def wait_up(base: str) -> None:
    """Until the server answers its login page."""
    for _ in range(300):
        try:
            if httpx.get(base + "/login", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"no server at {base}")


def cold(db: str, pages: dict[str, str], env: dict[str, str]) -> None:
    """Each page's first request on a fresh server, and the server's memory after it."""
    print("| first view on a fresh server | ms | second view ms | server RSS MiB after |\n|---|---|---|---|")
    for name, path in pages.items():
        server, base = start([sys.executable, "-c", COLD_SERVER, db], env)
        try:
            c = login(base, "viewer0")
            idle = rss_mib(server.pid)
            t = time.perf_counter()
            assert c.get(path).status_code == 200, path
            first = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            assert c.get(path).status_code == 200, path
            second = (time.perf_counter() - t) * 1000
            print(
                f"| {name} | {first:.0f} | {second:.0f} | {rss_mib(server.pid):.0f} (idle {idle:.0f}) |",
                flush=True,
            )
            c.close()
        finally:
            server.terminate()
            server.wait(10)


def main() -> int:
    """Build, serve, load, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--max-requests", type=int, default=2000, help="per client")
    parser.add_argument("--cold", action="store_true", help="time each page's first view on a fresh server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        demo = review_dict(run_demo(Path(tmp) / "demo").run.review)
        big = scaled_review(demo, args.findings)
        db = str(Path(tmp) / "serve.db")
        store = open_store(db)
        store.save(big)
        workload = big["workload"]
        for i in range(args.clients):
            add_user(store, f"viewer{i}", "viewer", PASSWORD)
        print(f"store with {args.findings:,} findings ready in {time.perf_counter() - t:.1f} s", flush=True)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "WASP_SERVE_SECRET": "bench-" + "k" * 32}
        question = next(
            q["id"] for q in big["questions"] if any(bp.get("rules") for bp in q["best_practices"])
        )
        if args.cold:
            finding = big["findings"][len(big["findings"]) // 2]["id"]
            cold(
                db,
                {
                    "dashboard": "/",
                    f"question {question}": f"/w/{workload}/q/{question}",
                    "finding (middle of the review)": f"/reviews/1/findings/{finding}",
                },
                env,
            )
            return 0
        server, base = start([sys.executable, "-m", "wasp", "serve", "--db", db, "--port"], env)
        try:
            clients = [login(base, f"viewer{i}") for i in range(args.clients)]
            pages = {
                "dashboard": "/",
                f"question {question}": f"/w/{workload}/q/{question}",
                f"question {question} filtered, page 3": f"/w/{workload}/q/{question}?severity=high&page=3",
            }
            for path in pages.values():  # first views fill the server's cache of the review (measured apart)
                t = time.perf_counter()
                assert clients[0].get(path).status_code == 200
                print(f"cold {path}: {(time.perf_counter() - t) * 1000:.0f} ms", flush=True)
            times: dict[str, list[float]] = {name: [] for name in pages}
            lock = threading.Lock()
            stop = time.monotonic() + args.seconds

            def run(c: httpx.Client) -> None:
                for n in range(args.max_requests):
                    if time.monotonic() > stop:
                        return
                    name = list(pages)[n % len(pages)]
                    t0 = time.perf_counter()
                    r = c.get(pages[name])
                    took = time.perf_counter() - t0
                    assert r.status_code == 200, r.status_code
                    with lock:
                        times[name].append(took)

            threads = [threading.Thread(target=run, args=(c,)) for c in clients]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            total = sum(len(v) for v in times.values())
            print(
                f"\n{args.clients} clients, {args.seconds:.0f} s, {total} requests ({total / args.seconds:.1f}/s)"
            )
            print("| page | requests | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
            worst = 0.0
            for name, values in times.items():
                p95 = percentile(values, 95)
                worst = max(worst, p95)
                print(
                    f"| {name} | {len(values)} | {statistics.median(values) * 1000:.0f} | {p95:.0f} | "
                    f"{max(values) * 1000:.0f} |"
                )
            print(f"\ntarget p95 < 300 ms: {'met' if worst < 300 else 'NOT met'} (worst p95 {worst:.0f} ms)")
            for c in clients:
                c.close()
        finally:
            server.terminate()
            server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
