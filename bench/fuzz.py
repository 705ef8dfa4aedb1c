"""Fuzz: run the hostile-input strategies of tests/test_fuzz.py for N minutes (a nightly-size run).

Each case is a CloudFormation template, Terraform module, plan JSON, workload / attestation / waiver YAML,
snapshot or review JSON with hostile values and a planted canary. A case fails when it exits with anything but
0/1/2, prints a traceback or a stderr line over 400 characters, echoes the canary in an error or warning, uses
over 300 MB of Python memory (tracemalloc) or takes over 10 s. Prints, per format: cases, cases/s, slowest case,
peak memory and failures; failing cases are saved under --keep for replay. Exits 1 if any case failed.

    .venv/bin/python bench/fuzz.py --minutes 10
    .venv/bin/python bench/fuzz.py --minutes 1 --formats terraform,cloudformation --keep /tmp/fuzz-failures
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis.errors import NonInteractiveExampleWarning

import test_fuzz  # type: ignore[import-not-found]


@dataclass
class Tally:
    """What one format's cases did."""

    cases: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    peak: int = 0
    failures: list[str] = field(default_factory=list)


def main() -> None:
    """Run the formats round-robin until the time is up, then print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--formats", default=",".join(test_fuzz.FORMATS))
    parser.add_argument(
        "--keep", type=Path, default=Path("fuzz-failures"), help="Where failing cases are saved"
    )
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    unknown = sorted(set(formats) - set(test_fuzz.FORMATS))
    if unknown:
        parser.error(f"unknown formats {unknown}; choose from {', '.join(test_fuzz.FORMATS)}")
    warnings.filterwarnings("ignore", category=NonInteractiveExampleWarning)
    tallies = {f: Tally() for f in formats}
    deadline = time.monotonic() + args.minutes * 60
    while time.monotonic() < deadline:
        for fmt in formats:
            files = test_fuzz.FORMATS[fmt][0].example()
            outcome = test_fuzz.run_case(fmt, files)
            tally = tallies[fmt]
            tally.cases += 1
            tally.seconds += outcome.seconds
            tally.slowest = max(tally.slowest, outcome.seconds)
            tally.peak = max(tally.peak, outcome.peak)
            problems = outcome.failures()
            if problems:
                saved = args.keep / f"{fmt}-{len(tally.failures) + 1}.json"
                saved.parent.mkdir(parents=True, exist_ok=True)
                saved.write_text(json.dumps({"format": fmt, "files": files, "failures": problems}, indent=1))
                tally.failures.append(f"{', '.join(problems)} ({saved})")
            if time.monotonic() >= deadline:
                break
    print(f"{'format':16} {'cases':>7} {'cases/s':>8} {'slowest':>8} {'peak MB':>8} {'failures':>8}")
    for fmt, t in tallies.items():
        rate = t.cases / t.seconds if t.seconds else 0.0
        print(f"{fmt:16} {t.cases:7} {rate:8.1f} {t.slowest:7.2f}s {t.peak / 1e6:8.1f} {len(t.failures):8}")
        for failure in t.failures[:5]:
            print(f"  {failure}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max RSS of the whole run: {rss:.0f} MB")
    sys.exit(1 if any(t.failures for t in tallies.values()) else 0)


if __name__ == "__main__":
    main()
