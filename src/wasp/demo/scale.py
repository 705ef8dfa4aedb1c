"""Scaled reviews for benchmarks and tests: a review's findings repeated on distinct resources."""

from __future__ import annotations

import copy
from typing import Any


def scaled_review(doc: dict[str, Any], n: int) -> dict[str, Any]:
    """A copy of a review with n findings, wired into its practices and plan like a real one."""
    big = copy.deepcopy(doc)
    base = doc["findings"]
    findings = []
    for i in range(n):
        f = copy.deepcopy(base[i % len(base)])
        f["id"] = f"f-{i:016x}"
        f["resource"]["id"] = f"{f['resource']['id']}-{i}"
        if f["resource"].get("arn"):
            f["resource"]["arn"] = f"{f['resource']['arn']}-{i}"
        findings.append(f)
    big["findings"] = findings
    by_bp: dict[str, list[str]] = {}
    for f in findings:
        for bp in f["best_practices"]:
            by_bp.setdefault(bp, []).append(f["id"])
    for q in big["questions"]:
        for bp in q["best_practices"]:
            bp["findings"] = by_bp.get(bp["id"], [])
    failing = {f["id"] for f in findings if f["status"] == "fail"}
    for item in big["improvement_plan"]:
        item["findings"] = [i for i in by_bp.get(item["best_practice"], []) if i in failing]
    return big
