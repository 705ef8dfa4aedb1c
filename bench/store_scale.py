"""Benchmark: save, load and diff reviews of 10k and 100k findings on SQLite and PostgreSQL.

PostgreSQL is a throwaway cluster on 127.0.0.1 (the same helper the tests use) when the server binaries are
installed. Target: save + diff of 100k findings under 10 s on SQLite.

    .venv/bin/python bench/store_scale.py --sizes 10000,100000
"""

from __future__ import annotations

import argparse
import copy
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


from pgcluster import cluster
from wasp.demo.run import run_demo
from wasp.demo.scale import scaled_review
from wasp.report import review_dict
from wasp.report.diff import diff_reviews
from wasp.store import open_store


def rss() -> float:
    """Peak RSS of this process so far, MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(url: str, label: str, docs: dict[int, tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """Save two reviews of each size, load them back and diff them."""
    store = open_store(url)
    for n, (before, after) in docs.items():
        t = time.perf_counter()
        a = store.save(before)
        save_s = time.perf_counter() - t
        b = store.save(after)
        t = time.perf_counter()
        loaded_a, loaded_b = store.load(str(a.id)), store.load(str(b.id))
        load_s = (time.perf_counter() - t) / 2
        t = time.perf_counter()
        diff = diff_reviews(loaded_a, loaded_b)
        diff_s = time.perf_counter() - t
        print(
            f"| {label} | {n:,} | {save_s:.2f} | {load_s:.2f} | {diff_s:.2f} | {save_s + diff_s:.2f} | {rss():.0f} | "
            f"{len(diff['resolved_high_findings'])} resolved |",
            flush=True,
        )


def main() -> None:
    """Build the reviews, run SQLite and PostgreSQL, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        demo = review_dict(run_demo(Path(tmp) / "demo").run.review)
        docs = {}
        for n in (int(s) for s in args.sizes.split(",")):
            before = scaled_review(demo, n)
            after = copy.deepcopy(before)
            for f in after["findings"][::10]:
                f["status"] = "pass"  # a tenth of the findings fixed
            docs[n] = (before, after)
        print(
            "| database | findings | save s | load s | diff s | save + diff s | peak RSS MiB | diff |\n|---|---|---|---|---|---|---|---|"
        )
        run(str(Path(tmp) / "bench.db"), "SQLite", docs)
        with cluster() as pg:
            if pg is None:
                print("| PostgreSQL | - | not installed here | | | | | |")
            else:
                run(pg, "PostgreSQL", docs)


if __name__ == "__main__":
    main()
