"""Scan IaC with the same rules a live review uses (those that apply to templates), one source at a time.

A *source* is a CloudFormation template, a Terraform root module folder, or a Terraform plan JSON file. Each is
read into normalized resources and evaluated on its own, so memory stays flat however many there are. A source
that cannot be read is reported (file:line) and the scan goes on.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from wasp.engine.evaluate import evaluate
from wasp.errors import InputError, debug_enabled
from wasp.iac.cloudformation import Loaded, is_cloudformation, read_cloudformation
from wasp.iac.enrich import enrich
from wasp.iac.suppress import apply_baseline, apply_inline, read_baseline, skips_from
from wasp.iac.tree import Roots, check_file, files_in, walk
from wasp.limits import Budget, ExpansionError, FileKind, max_bytes, read_head
from wasp.model import Finding, FindingStatus, Inventory, Severity
from wasp.model.rule import Rule, RuleContext
from wasp.rules import load_rules

_MODULE_SOURCE = re.compile(r'^\s*source\s*=\s*"(\.{1,2}/[^"]*)"', re.MULTILINE)


class SourceKind(StrEnum):
    """What kind of IaC a source is."""

    CLOUDFORMATION = "cloudformation"
    TERRAFORM = "terraform"
    PLAN = "terraform-plan"


@dataclass(frozen=True)
class Source:
    """One thing to read: a template, a Terraform root module folder, or a plan JSON file."""

    kind: SourceKind
    path: Path


@dataclass
class ScanOptions:
    """Inputs to the readers and the suppression settings."""

    parameters: Mapping[str, Any] = field(default_factory=dict)
    variables: Mapping[str, Any] = field(default_factory=dict)
    var_files: list[Path] = field(default_factory=list)
    inline_skips: bool = True
    baseline: Path | None = None
    today: date = field(default_factory=lambda: datetime.now(UTC).date())
    roots: Roots | None = None
    """The folders the readers may open (nested stacks, modules); by default the scanned paths' own."""


@dataclass
class ScanResult:
    """Findings, the sources read, and the problems found (one line each)."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    resources: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    """Findings by status (kept even when the findings themselves go to a sink)."""
    worst_failure: Severity | None = None
    """The most severe failing finding's severity, for ``--fail-on``."""

    def record(self, findings: Iterable[Finding]) -> None:
        """Count findings and track the worst failure."""
        for f in findings:
            self.statuses[f.status.value] += 1
            if f.status is FindingStatus.FAIL and (
                self.worst_failure is None or f.severity.rank < self.worst_failure.rank
            ):
                self.worst_failure = f.severity


def _module_dirs(tf_dirs: Iterable[Path], roots: Roots) -> set[Path]:
    """Folders that another folder calls as a local module (scanned through their caller, not alone)."""
    called: set[Path] = set()
    for directory in tf_dirs:
        for tf in files_in(directory, "*.tf", roots, []):
            text = read_head(tf, max_bytes(FileKind.TERRAFORM)).decode("utf-8", errors="replace")
            called.update((directory / m).resolve() for m in _MODULE_SOURCE.findall(text))
    return called


def discover(paths: Iterable[Path], skipped: list[str] | None = None) -> list[Source]:
    """The sources under the given files and folders, sorted. A folder with a plan JSON is read from the plan
    (the most faithful source), not from its ``.tf`` files.

    Symlinks that leave the given folders, FIFOs, devices and sockets are not read; a line for each goes to
    ``skipped``. A path given by name must be a regular file or a folder.
    """
    from wasp.iac.terraform.plan import is_plan

    paths = list(paths)
    roots = Roots.of(paths)
    notes = skipped if skipped is not None else []
    templates: set[Path] = set()
    plans: set[Path] = set()
    tf_dirs: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            files = list(walk(path, roots, notes))
        else:
            problem = check_file(path, roots)
            if problem is not None:
                raise InputError(
                    problem.replace(": skipped: ", ": cannot scan: ") + "; give a file or folder"
                )
            files = [path]
        for p in files:
            if p.suffix == ".tf":
                tf_dirs.add(p.parent)
            elif is_plan(p):
                plans.add(p)
            elif is_cloudformation(p) or (
                p == path and p.suffix.lower() in (".yaml", ".yml", ".json", ".template")
            ):
                templates.add(p)
            elif p == path:
                raise InputError(f"{p}: not a CloudFormation template, Terraform file or plan JSON")
    planned = {p.parent.resolve() for p in plans}
    called = _module_dirs(tf_dirs, roots)
    dirs = {d for d in tf_dirs if d.resolve() not in called and d.resolve() not in planned}
    sources = [Source(SourceKind.CLOUDFORMATION, p) for p in templates]
    sources += [Source(SourceKind.PLAN, p) for p in plans]
    sources += [Source(SourceKind.TERRAFORM, d) for d in dirs]
    return sorted(sources, key=lambda s: (str(s.path), s.kind.value))


def read_source(source: Source, options: ScanOptions) -> Loaded:
    """Normalized resources, inline skips and problems of one source; unreadable input raises InputError.

    Every source gets its own expansion budget (:class:`wasp.limits.Budget`) and reads only inside the roots.
    """
    roots = options.roots or Roots.of([source.path])
    budget = Budget()
    if source.kind is SourceKind.CLOUDFORMATION:
        return read_cloudformation(source.path, options.parameters, roots=roots, budget=budget)
    from wasp.iac.terraform.normalize import normalize

    warnings: list[str] = []
    if source.kind is SourceKind.PLAN:
        from wasp.iac.terraform.plan import load_plan

        tfs, errors = load_plan(source.path, roots=roots, warnings=warnings), list[str]()
    else:
        from wasp.iac.terraform.hcl import load_hcl

        tfs, errors = load_hcl(
            source.path, options.variables, options.var_files, roots=roots, budget=budget, warnings=warnings
        )
    loaded = Loaded(resources=normalize(tfs), errors=errors, warnings=warnings)
    for tf in tfs:
        if tf.skips:
            loaded.skips[(tf.file, tf.address)] = skips_from(tf.skips, tf.file, tf.line)
    return loaded


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a source is read (parsed, evaluated, mapped).

    Parsing builds hundreds of thousands of objects that all stay alive, so every automatic collection meanwhile
    re-walks them for nothing (about a third of the time on large Terraform files). The scan collects once per
    source instead.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _source_findings(
    source: Source,
    options: ScanOptions,
    result: ScanResult,
    now: datetime,
    baseline: set[tuple[str, str, str]] | None,
) -> list[Finding]:
    """Read one source, evaluate it and apply suppressions; its problems are added to ``result``."""
    loaded = read_source(source, options)
    result.files.append(str(source.path))
    result.errors.extend(loaded.errors)
    result.warnings.extend(loaded.warnings)
    result.resources += len(loaded.resources)
    inventory = Inventory()
    inventory.extend(enrich(r) for r in loaded.resources)
    ev = evaluate(
        result.rules,
        inventory,
        RuleContext(inventory=inventory, now=now),
        observed_at=now,
        require_collected=False,
    )
    findings = list(ev.findings)
    result.warnings.extend(
        f"{source.path}: {g.resource_id}: {g.message}" for g in ev.gaps if g.error == "rule_error"
    )
    if options.inline_skips and loaded.skips:
        findings, warnings = apply_inline(findings, loaded.skips, options.today)
        result.warnings.extend(warnings)
    if baseline is not None and options.baseline is not None:
        findings = apply_baseline(findings, baseline, options.baseline.parent)
    return findings


def scan(
    paths: Iterable[Path],
    options: ScanOptions | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    sink: Callable[[list[Finding]], None] | None = None,
) -> ScanResult:
    """Read and evaluate every source (a bad one is reported and skipped), then apply suppressions.

    With a ``sink``, each source's findings go to it and are not kept (memory stays flat); without one they
    are collected in ``result.findings``.
    """
    options = options or ScanOptions()
    result = ScanResult(rules=[r for r in load_rules() if r.meta.iac])
    baseline = read_baseline(options.baseline) if options.baseline else None
    paths = list(paths)
    sources = discover(paths, result.warnings)
    if options.roots is None:
        options = replace(options, roots=Roots.of(paths))
    now = datetime.now(UTC)
    for done, source in enumerate(sources, 1):
        if progress is not None:
            progress(done, len(sources), str(source.path))
        problem: str | None = None
        try:
            with _gc_paused():
                findings = _source_findings(source, options, result, now, baseline)
        except InputError as exc:
            problem = str(exc)
        except ExpansionError as exc:
            problem = f"{source.path}: {exc.describe()}"
        except RecursionError:
            problem = f"{source.path}: nests too deeply to evaluate (lists or expressions inside each other); flatten it"
        except (OSError, UnicodeDecodeError) as exc:
            problem = f"{source.path}: cannot read ({exc.__class__.__name__}); check the file"
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            if debug_enabled():
                raise
            problem = (
                f"{source.path}: cannot evaluate ({exc.__class__.__name__}); the rest of the scan goes on "
                "(--debug shows where)"
            )
        if problem is not None:
            result.errors.append(problem)
            continue
        result.record(findings)
        if sink is not None:
            sink(findings)
            del findings
            gc.collect()  # parse trees hold reference cycles: free one source's before reading the next
        else:
            result.findings.extend(findings)
    result.warnings = list(
        dict.fromkeys(result.warnings)
    )  # a skipped file may be met by the walk and a reader
    return result
