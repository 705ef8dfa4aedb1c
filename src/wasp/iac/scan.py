"""Scan IaC files with the same rules a live review uses (only those that apply to templates)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wasp.engine.evaluate import evaluate
from wasp.errors import InputError
from wasp.iac.cloudformation import is_cloudformation, load_cloudformation
from wasp.model import Finding, Inventory
from wasp.model.rule import Rule, RuleContext
from wasp.rules import load_rules

SKIP_DIRS = {".git", ".terraform", "node_modules", ".venv", "__pycache__", "cdk.out"}


@dataclass
class ScanResult:
    """Findings, the files read, and the files that could not be read (one line each)."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


def discover(paths: Iterable[Path]) -> list[Path]:
    """Template files under the given files and folders, sorted (deterministic)."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for p in path.rglob("*"):
                if p.is_file() and not (set(p.parts) & SKIP_DIRS) and is_cloudformation(p):
                    found.add(p)
        elif path.exists():
            found.add(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(found)


def scan(paths: Iterable[Path], parameters: Mapping[str, Any] | None = None) -> ScanResult:
    """Read every template (a bad one is reported and skipped), then evaluate the IaC rules."""
    result = ScanResult(rules=[r for r in load_rules() if r.meta.iac])
    inventory = Inventory()
    for path in discover(paths):
        try:
            inventory.extend(load_cloudformation(path, parameters))
            result.files.append(str(path))
        except InputError as exc:
            result.errors.append(str(exc))
        except (OSError, UnicodeDecodeError, RecursionError) as exc:
            result.errors.append(f"{path}: cannot read ({exc.__class__.__name__})")
    now = datetime.now(UTC)
    ev = evaluate(
        result.rules,
        inventory,
        RuleContext(inventory=inventory, now=now),
        observed_at=now,
        require_collected=False,
    )
    result.findings = list(ev.findings)
    return result
