"""Benchmark: load and validate a 100k-finding review, before (jsonschema) and after (compiled validator).

Builds the review from the built-in demo's (run in-process, or --review FILE for a demo review.json already
written) with wasp.demo.scale.scaled_review, writes it, then measures, each in a fresh process so peak RSS is its
own: the old path (json.loads + jsonschema's validator); the new one (wasp.report.base.load_review: msgspec decodes with
the collector paused; findings checked by msgspec types, the rest by the validator fastjsonschema generates,
its one-off generation timed apart); and
`wasp report -f csv`, `wasp compliance` and `wasp fix plan` end to end on that file.
The target is load + validate <= 3 s. CPU seconds are shown beside wall seconds: on a shared machine they vary less.

    PYTHONPATH=src .venv/bin/python bench/load_review.py [--findings 100000] [--review demo/review.json] [--skip-before]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def _rss_mib() -> float:
    """This process's peak RSS. VmHWM belongs to the process's own memory map, so unlike getrusage's ru_maxrss
    it does not start at the size of the (large) parent it was forked from."""
    status = Path("/proc/self/status")
    if status.exists():  # Linux
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _before(path: Path) -> dict[str, float]:
    """The old path: jsonschema's validator (built, and the schema checked, once), over the decoded file."""
    import jsonschema

    from wasp.schemas import schema

    started = time.perf_counter()
    review_schema = schema("review")
    cls = jsonschema.validators.validator_for(review_schema)
    cls.check_schema(review_schema)
    validator = cls(review_schema)
    built = time.perf_counter()
    cpu = time.process_time()
    doc = json.loads(path.read_text(encoding="utf-8"))
    decoded = time.perf_counter()
    validator.validate(doc)
    done = time.perf_counter()
    return {
        "cpu": time.process_time() - cpu,
        "compile": built - started,
        "decode": decoded - built,
        "validate": done - decoded,
        "load": done - built,
    }


def _after(path: Path) -> dict[str, float]:
    """The new path: wasp.report.base.load_review, with the validator's one-off compile timed apart."""
    from wasp.report.base import load_review
    from wasp.schemas.validate import _compiled

    started = time.perf_counter()
    _compiled("review")
    built = time.perf_counter()
    cpu = time.process_time()
    doc = load_review(path)
    done = time.perf_counter()
    assert len(doc["findings"]) > 0
    return {"compile": built - started, "load": done - built, "cpu": time.process_time() - cpu}


def _child(mode: str, args: list[str]) -> None:
    """Run one measurement in this (fresh) process; print its figures as one JSON line on stderr."""
    if mode == "cli":
        sys.argv = ["wasp", *args]
        code: object = 0
        try:
            runpy.run_module("wasp", run_name="__main__")
        except SystemExit as exc:
            code = exc.code
        figures: dict[str, object] = {"exit": code}
    else:
        measure = {"before": _before, "after": _after}[mode]
        figures = dict(measure(Path(args[0])))
    figures["rss"] = _rss_mib()
    figures.setdefault("cpu", time.process_time())
    print("FIGURES " + json.dumps(figures), file=sys.stderr)


def _measure(mode: str, *args: str) -> dict[str, float]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(HERE), "--child", mode, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path[1:])},
    )
    wall = time.perf_counter() - started
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("FIGURES ")]
    if not lines:
        raise SystemExit(f"{mode} {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(lines[-1].removeprefix("FIGURES "))
    figures["wall"] = wall
    return figures


def _demo_review(given: Path | None, tmp: Path) -> dict[str, object]:
    if given is not None:
        loaded: dict[str, object] = json.loads(given.read_text(encoding="utf-8"))
        return loaded
    from wasp.demo.run import run_demo
    from wasp.report.document import review_dict

    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    return dict(review_dict(run_demo(tmp / "demo").run.review))


def main() -> None:
    """Build the review, measure, print the table."""
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--review", type=Path, help="a demo review.json to scale (default: run the demo)")
    parser.add_argument("--skip-before", action="store_true", help="skip the slow jsonschema path")
    args = parser.parse_args()

    from wasp.demo.scale import scaled_review
    from wasp.report.document import review_json

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        demo = _demo_review(args.review, tmp)
        path = tmp / "review.json"
        path.write_text(review_json(scaled_review(demo, args.findings)), encoding="utf-8")
        size = path.stat().st_size / 1024 / 1024
        print(f"{args.findings:,} findings, {size:.1f} MB review.json\n")
        print("| step | seconds | CPU seconds | peak RSS MiB |\n|---|---|---|---|")
        if not args.skip_before:
            b = _measure("before", str(path))
            print(f"| before: jsonschema build + check_schema | {b['compile']:.3f} | | |")
            print(
                f"| before: decode {b['decode']:.2f} s + validate {b['validate']:.2f} s | {b['load']:.2f} | {b['cpu']:.2f} | {b['rss']:.0f} |"
            )
        a = _measure("after", str(path))
        print(f"| after: compile validator (once per process) | {a['compile']:.3f} | | |")
        print(
            f"| **after: load_review (decode + validate)** | **{a['load']:.2f}** | {a['cpu']:.2f} | {a['rss']:.0f} |"
        )
        commands = {
            "wasp report -f csv": ["report", str(path), "-f", "csv", "-o", str(tmp / "r.csv")],
            "wasp compliance": ["compliance", str(path)],
            "wasp compliance -f json": ["compliance", str(path), "-f", "json"],
            "wasp fix plan": ["fix", "plan", str(path)],
        }
        for label, argv in commands.items():
            c = _measure("cli", *argv)
            note = "" if c["exit"] == 0 else f" (exit {c['exit']})"
            print(
                f"| {label} end to end{note} | {c['wall']:.2f} | {c['cpu']:.2f} | {c['rss']:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
