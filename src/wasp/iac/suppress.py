"""Suppressions with governance: inline skips (reason required, expiry honoured) and a findings baseline.

A suppressed finding is reported as *waived*, with the reason, never dropped. An inline skip without a reason,
or with a malformed or past expiry, is not applied and is reported (file:line). A baseline is keyed by file
(relative to the baseline file), resource address and rule: it waives only those exact findings, so a new
finding, or the same rule failing on another resource, is reported as new.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from wasp.errors import InputError
from wasp.limits import FileKind, read_text
from wasp.model import Finding, FindingStatus

SUPPRESSIBLE = (FindingStatus.FAIL, FindingStatus.UNKNOWN)
_RULE_ID = re.compile(r"^[a-z0-9_]{1,80}$")
"""A rule id as warnings show it; other text in a skip's rule field is the file's own and is not echoed."""


@dataclass(frozen=True)
class Skip:
    """One inline skip: which rule, why, until when, and where it was written."""

    rule: str
    reason: str | None
    expires: str | None
    file: str
    line: int | None
    via: str = "inline"
    """How the skip was written: ``inline`` (wasp's own) or ``checkov:skip CKV_AWS_19`` (a Checkov skip,
    ``--honour-checkov-skips``); the waiver reads ``<via>: <reason>``."""


def skips_from(raw: Iterable[Mapping[str, Any]], file: str, line: int | None) -> list[Skip]:
    """Skips from CloudFormation ``Metadata: {wasp: {skip: [...]}}`` or parsed Terraform comments."""
    out = []
    for item in raw:
        if isinstance(item, Mapping) and item.get("rule"):
            expires = item.get("expires")
            out.append(
                Skip(
                    str(item["rule"]),
                    str(item["reason"]) if item.get("reason") else None,
                    str(expires) if expires is not None else None,
                    file,
                    item["line"] if isinstance(item.get("line"), int) and item["line"] > 0 else line,
                )
            )
    return out


def _check(skip: Skip, today: date) -> str | None:
    """Why a skip cannot be applied, or None."""
    where = f"{skip.file}:{skip.line or '?'}"
    rule = skip.rule if _RULE_ID.match(skip.rule) else "an unknown rule"
    if not skip.reason and skip.via != "inline":
        check = skip.via.removeprefix("checkov:skip ")
        return (
            f"{where}: checkov:skip={check} (for {rule}) has no reason; add one after a colon (not applied)"
        )
    if not skip.reason:
        return f'{where}: inline skip of {rule} has no reason; add reason="..." (not applied)'
    if skip.expires:
        try:
            until = date.fromisoformat(skip.expires)
        except ValueError:
            return f"{where}: inline skip of {rule} has an expiry that is not a date; use YYYY-MM-DD (not applied)"
        if until < today:
            return f"{where}: inline skip of {rule} expired on {until.isoformat()} (not applied)"
    return None


def apply_inline(
    findings: list[Finding], skips: Mapping[tuple[str, str], list[Skip]], today: date
) -> tuple[list[Finding], list[str]]:
    """Waive findings that a valid inline skip names; return the findings and the warnings."""
    warnings: list[str] = []
    valid: dict[tuple[str, str, str], Skip] = {}
    for (file, address), listed in sorted(skips.items()):
        for skip in listed:
            problem = _check(skip, today)
            if problem:
                warnings.append(problem)
            else:
                valid[(file, address, skip.rule)] = skip
    out = []
    for f in findings:
        match = valid.get((f.resource.file or "", f.resource.address or "", f.rule))
        if match is not None and f.status in SUPPRESSIBLE:
            until = f" until {match.expires}" if match.expires else ""
            f = replace(f, status=FindingStatus.WAIVED, waiver=f"{match.via}: {match.reason}{until}")
        out.append(f)
    return out, list(dict.fromkeys(warnings))


def _relative(file: str, base: Path) -> str:
    """A finding's file relative to the baseline's folder."""
    try:
        return Path(file).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(file).resolve().as_posix()


def _keyer(base: Path) -> Callable[[Finding], tuple[str, str, str]]:
    """A finding's baseline key: its file relative to ``base`` (resolved once per file), its address, its rule."""
    relative = lru_cache(maxsize=None)(lambda file: _relative(file, base))
    return lambda f: (relative(f.resource.file or ""), f.resource.address or f.resource.id, f.rule)


def baseline_keys(findings: Iterable[Finding], base: Path) -> list[dict[str, str]]:
    """The baseline entries for the failing and unknown findings (sorted, so the file diffs cleanly)."""
    key = _keyer(base)
    keys = {key(f) for f in findings if f.status in SUPPRESSIBLE}
    return [{"file": file, "resource": address, "rule": rule} for file, address, rule in sorted(keys)]


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Write a baseline of today's findings; returns how many entries."""
    entries = baseline_keys(findings, path.parent)
    path.write_text(
        json.dumps({"schema": "wasp.baseline/1", "findings": entries}, indent=1) + "\n", encoding="utf-8"
    )
    return len(entries)


def read_baseline(path: Path) -> set[tuple[str, str, str]]:
    """The (file, resource, rule) keys of a baseline file; a bad file is one InputError."""
    text = read_text(path, FileKind.BASELINE, "baseline")
    try:
        doc = json.loads(text)
        entries = doc["findings"]
        return {(str(e["file"]), str(e["resource"]), str(e["rule"])) for e in entries}
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: the baseline is not JSON ({exc.msg}, column {exc.colno})"
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: not a wasp baseline (it nests too deeply)") from exc
    except (KeyError, TypeError, IndexError) as exc:
        raise InputError(
            f'{path}: not a wasp baseline (expected {{"findings": [{{file, resource, rule}}]}}); '
            "write one with --write-baseline"
        ) from exc


def apply_baseline(findings: list[Finding], keys: set[tuple[str, str, str]], base: Path) -> list[Finding]:
    """Waive exactly the findings the baseline lists; everything else stays as it is."""
    key = _keyer(base)
    out = []
    for f in findings:
        if f.status in SUPPRESSIBLE and key(f) in keys:
            f = replace(
                f, status=FindingStatus.WAIVED, waiver="baseline: present when the baseline was taken"
            )
        out.append(f)
    return out
