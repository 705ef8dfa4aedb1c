"""The sources of an IaC scan: find them under the given paths and read each into normalized resources.

A *source* is a CloudFormation template, a Terraform root module folder, or a Terraform plan JSON file. Each is
read on its own, so memory stays flat however many there are. Evaluating them with the rules is the workflow
layer's job (:mod:`wasp.scan_workflow`): this package never imports the engine.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from wasp.errors import InputError
from wasp.iac.detect import SUFFIXES, looks_like_template, what_it_is
from wasp.iac.loaded import Loaded
from wasp.iac.suppress import skips_from
from wasp.iac.tree import Roots, check_file, files_in, walk
from wasp.limits import Budget, FileKind, max_bytes, read_head
from wasp.model import Finding, FindingStatus, Severity
from wasp.model.rule import Rule

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
    named: bool = False
    """Given by name on the command line (not found in a folder): if it is not a template, say so."""


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
    region: str | None = None
    """The region the templates deploy to (``--region``); without it the region is unknown, never guessed."""
    rules: frozenset[str] | None = None
    """Only these rule ids run (``--check``/``--skip-check``); None runs every IaC rule."""
    min_severity: Severity | None = None
    """Findings below this severity are neither reported nor counted (``--severity-threshold``)."""
    checkov_skips: bool = False
    """Apply ``checkov:skip`` comments and ``Metadata.checkov.skip`` to the rules covering those checks."""


@dataclass
class ScanResult:
    """Findings, the sources read, and the problems found (one line each)."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """JSON/YAML files that are not templates, one line each (path and why): shown with ``--verbose``."""
    notes: list[str] = field(default_factory=list)
    """Files given by name that were not scanned (not templates): always shown, never an error."""
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


def discover(
    paths: Iterable[Path],
    skipped: list[str] | None = None,
    ignored: list[str] | None = None,
    notes: list[str] | None = None,
) -> list[Source]:
    """The sources under the given files and folders, sorted. A folder with a plan JSON is read from the plan
    (the most faithful source), not from its ``.tf`` files.

    Symlinks that leave the given folders, FIFOs, devices and sockets are not read; a line for each goes to
    ``skipped``. A path given by name must be a regular file or a folder. JSON and YAML files that do not look
    like templates (:mod:`wasp.iac.detect`) are left out, a line for each in ``ignored`` (and, when given by
    name, in ``notes`` too): naming a ``serverless.yml`` is not an error.
    """
    from wasp.iac.terraform.sniff import is_plan

    paths = list(paths)
    roots = Roots.of(paths)
    warned = skipped if skipped is not None else []
    left_out = ignored if ignored is not None else []
    told = notes if notes is not None else []
    templates: dict[Path, bool] = {}
    plans: set[Path] = set()
    tf_dirs: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            files = list(walk(path, roots, warned))
        else:
            problem = check_file(path, roots)
            if problem is not None:
                raise InputError(
                    problem.replace(": skipped: ", ": cannot scan: ") + "; give a file or folder"
                )
            files = [path]
        for p in files:
            named = p == path
            if p.suffix == ".tf":
                tf_dirs.add(p.parent)
            elif is_plan(p):
                plans.add(p)
            elif looks_like_template(p):
                templates[p] = templates.get(p, False) or named
            elif named:
                what = what_it_is(p) if p.suffix.lower() in SUFFIXES else "not JSON, YAML or .tf"
                line = f"{p}: not scanned: {what}, not a CloudFormation template, Terraform file or plan JSON"
                left_out.append(line)
                told.append(line)
            elif p.suffix.lower() in SUFFIXES:
                left_out.append(f"{p}: skipped: {what_it_is(p)}, not a CloudFormation template")
    planned = {p.parent.resolve() for p in plans}
    called = _module_dirs(tf_dirs, roots)
    dirs = {d for d in tf_dirs if d.resolve() not in called and d.resolve() not in planned}
    sources = [Source(SourceKind.CLOUDFORMATION, p, named) for p, named in templates.items()]
    sources += [Source(SourceKind.PLAN, p) for p in plans]
    sources += [Source(SourceKind.TERRAFORM, d) for d in dirs]
    return sorted(sources, key=lambda s: (str(s.path), s.kind.value))


def read_source(source: Source, options: ScanOptions) -> Loaded:
    """Normalized resources, inline skips and problems of one source; unreadable input raises InputError.

    Every source gets its own expansion budget (:class:`wasp.limits.Budget`) and reads only inside the roots.
    """
    roots = options.roots or Roots.of([source.path])
    budget = Budget()
    if source.kind is SourceKind.CLOUDFORMATION:  # its YAML reader is imported only when a template is read
        from wasp.iac.cloudformation import read_cloudformation

        return read_cloudformation(
            source.path, options.parameters, roots=roots, budget=budget, region=options.region
        )
    from wasp.iac.terraform.normalize import normalize

    warnings: list[str] = []
    if source.kind is SourceKind.PLAN:
        from wasp.iac.terraform.plan import load_plan

        tfs, errors = load_plan(source.path, roots=roots, warnings=warnings), list[str]()
    else:
        from wasp.iac.terraform.hcl import load_hcl

        tfs, errors = load_hcl(
            source.path,
            options.variables,
            options.var_files,
            roots=roots,
            budget=budget,
            warnings=warnings,
            region=options.region,
        )
    resources = normalize(tfs)
    if options.region is not None:
        resources = [replace(r, origin=replace(r.origin, region=options.region)) for r in resources]
    loaded = Loaded(resources=resources, errors=errors, warnings=warnings)
    for tf in tfs:
        if tf.skips:
            loaded.skips[(tf.file, tf.address)] = skips_from(tf.skips, tf.file, tf.line)
    return loaded
