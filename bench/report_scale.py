"""Benchmark: render every report format for reviews of 1k, 10k and 100k findings.

The reviews are made from the built-in demo's review by repeating its findings on distinct resources, so they
have a realistic mix of rules, practices and messages. Prints time, peak RSS (this process, cumulative) and file
size per format; the targets are all formats for 100k findings in under 10 s and HTML under 10 MB.

    .venv/bin/python bench/report_scale.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from wasp.demo.run import run_demo
from wasp.demo.scale import scaled_review
from wasp.report import review_dict
from wasp.report.base import formats, write_report


def main() -> None:
    """Render and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        demo = review_dict(run_demo(Path(tmp) / "demo").run.review)
        print("| findings | format | seconds | peak RSS MiB | size |\n|---|---|---|---|---|")
        for n in (int(s) for s in args.sizes.split(",")):
            doc = scaled_review(demo, n)
            total = 0.0
            for name, fmt in formats().items():
                started = time.perf_counter()
                path = write_report(doc, fmt, Path(tmp) / f"{n}-{fmt.reporter.filename}")
                seconds = time.perf_counter() - started
                total += seconds
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                size = path.stat().st_size / 1024 / 1024
                print(f"| {n:,} | {name} | {seconds:.2f} | {rss:.0f} | {size:.2f} MB |", flush=True)
            print(f"| {n:,} | **all formats** | **{total:.2f}** | | |", flush=True)


if __name__ == "__main__":
    main()
