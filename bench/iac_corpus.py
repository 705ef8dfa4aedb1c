"""Benchmark: wasp and Checkov scored on the labelled IaC corpus (recall on insecure resources, false positives
on their secure twins), area by area, in one run.

The corpus and its labels are described in ``tests/corpus.py``. Each area folder is scanned once by each tool
(``wasp scan DIR -f json``, ``checkov -d DIR -o json``). A labelled insecure resource counts as found by wasp when
the labelled rule fails on it, and by Checkov when one of the labelled Checkov checks fails on it; a secure twin
on which the tool fails the same rule or checks is a false positive. Cases for which Checkov has no check count
as missed by Checkov (that is what the coverage table, ``docs/iac-coverage.md``, is for).

Checkov is never a project dependency: install it into a throwaway venv outside the repo
(``python3 -m venv /tmp/checkov-venv && /tmp/checkov-venv/bin/pip install checkov==3.3.30``).

    .venv/bin/python bench/iac_corpus.py --checkov /tmp/checkov-venv/bin/checkov
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from corpus import CORPUS, Case, Side, cases

WASP = Path(sys.executable).with_name("wasp")


def _wasp(area: Path) -> tuple[set[tuple[str, str, str]], float]:
    """(rule, resource name, file) for every failure wasp reports in the area, and the wall time."""
    start = time.perf_counter()
    out = subprocess.run([str(WASP), "scan", str(area), "-f", "json"], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode not in (0, 1):
        raise SystemExit(f"wasp scan {area} failed: {out.stderr.strip()}")
    found = set()
    for f in json.loads(out.stdout)["findings"]:
        if f["status"] == "fail":
            res = f["resource"]
            where = str(Path(res.get("file") or "").resolve())
            for name in {res.get("id"), res.get("address")} - {None}:
                found.add((f["rule"], str(name), where))
    return found, elapsed


def _checkov(checkov: str, area: Path) -> tuple[set[tuple[str, str, str]], float]:
    """(check id, resource name, file) for every failure Checkov reports in the area, and the wall time."""
    with tempfile.TemporaryDirectory() as cwd:
        start = time.perf_counter()
        out = subprocess.run(
            [checkov, "-d", str(area), "-o", "json", "--quiet", "--compact", "--skip-download"],
            capture_output=True,
            text=True,
            cwd=cwd,
        )
        elapsed = time.perf_counter() - start
    reports: Any = json.loads(out.stdout or "[]")
    found = set()
    for report in reports if isinstance(reports, list) else [reports]:
        for c in report.get("results", {}).get("failed_checks", []):
            name = str(c["resource"])
            if report.get("check_type") == "cloudformation":
                name = name.rpartition(".")[2]  # AWS::S3::Bucket.Logical -> Logical
            where = str((area / str(c["file_path"]).lstrip("/")).resolve())
            found.add((str(c["check_id"]), name, where))
    return found, elapsed


def _hit(found: set[tuple[str, str, str]], keys: tuple[str, ...], name: str, side: Side) -> bool:
    root = str(side.file.resolve())
    return any(
        k == key and n == name and (w == root or w.startswith(root + "/"))
        for key in keys
        for k, n, w in found
    )


def main() -> None:
    """Score both tools area by area and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkov", help="path to the checkov executable (omit to score wasp alone)")
    args = parser.parse_args()
    by_area: dict[str, list[Case]] = defaultdict(list)
    for case in cases():
        by_area[case.area].append(case)
    rows = []
    totals = defaultdict(float)
    for area, area_cases in sorted(by_area.items()):
        wasp, wasp_s = _wasp(CORPUS / area)
        ckv, ckv_s = _checkov(args.checkov, CORPUS / area) if args.checkov else (set(), 0.0)
        row = defaultdict(float, area=area)
        for case in area_cases:
            for side in case.sides:
                for name in side.insecure:
                    row["insecure"] += 1
                    row["wasp_found"] += _hit(wasp, (case.rule,), name, side)
                    row["checkov_found"] += _hit(ckv, case.checkov, name, side)
                    row["no_checkov_check"] += not case.checkov
                for name in side.secure:
                    row["secure"] += 1
                    row["wasp_fp"] += _hit(wasp, (case.rule,), name, side)
                    row["checkov_fp"] += _hit(ckv, case.checkov, name, side)
        row["wasp_s"], row["checkov_s"] = wasp_s, ckv_s
        rows.append(row)
        for key, value in row.items():
            if key != "area":
                totals[key] += value
    totals["area"] = "all"  # type: ignore[assignment]
    print(
        f"{'area':<8} {'insecure':>8} {'wasp':>12} {'checkov':>12} {'no ckv chk':>10} {'twins':>6} "
        f"{'wasp FP':>7} {'ckv FP':>6} {'wasp s':>7} {'ckv s':>7}"
    )
    for row in [*rows, totals]:
        n = row["insecure"] or 1
        print(
            f"{row['area']:<8} {row['insecure']:>8.0f} {row['wasp_found']:>5.0f} ({row['wasp_found'] / n:>4.0%})"
            f" {row['checkov_found']:>5.0f} ({row['checkov_found'] / n:>4.0%}) {row['no_checkov_check']:>10.0f}"
            f" {row['secure']:>6.0f} {row['wasp_fp']:>7.0f} {row['checkov_fp']:>6.0f}"
            f" {row['wasp_s']:>7.2f} {row['checkov_s']:>7.2f}"
        )


if __name__ == "__main__":
    main()
