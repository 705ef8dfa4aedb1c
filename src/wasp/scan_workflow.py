"""Scan IaC with the same rules a live review uses (those that apply to templates), one source at a time.

The workflow layer: :mod:`wasp.iac.scan` finds and reads the sources, the engine evaluates them, and
:mod:`wasp.iac.suppress` applies inline skips and the baseline. A source that cannot be read is reported
(file:line) and the scan goes on.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from wasp.engine.evaluate import evaluate
from wasp.errors import InputError, debug_enabled
from wasp.gcpause import paused_gc
from wasp.iac.detect import NotATemplate
from wasp.iac.enrich import enrich
from wasp.iac.scan import ScanOptions, ScanResult, Source, discover, read_source
from wasp.iac.suppress import apply_baseline, apply_inline, read_baseline
from wasp.iac.tree import Roots
from wasp.limits import ExpansionError
from wasp.model import Finding, Gap, Inventory
from wasp.model.rule import Rule, RuleContext
from wasp.rules._index import indexed_rules

__all__ = ["ScanOptions", "ScanResult", "scan"]


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
    if loaded.generated:
        inventory.add_gap(generated_gap(loaded.generated, result.rules))
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
    if options.inline_skips and (loaded.skips or options.checkov_skips):  # none written: nothing to apply
        from wasp.iac.checkov_skips import for_rules

        skips = for_rules(
            loaded.skips, result.rules, options.checkov_skips, loaded.resources, result.warnings
        )
        if skips:
            findings, warnings = apply_inline(findings, skips, options.today)
            result.warnings.extend(warnings)
    if baseline is not None and options.baseline is not None:
        findings = apply_baseline(findings, baseline, options.baseline.parent)
    return findings


def generated_gap(generated: list[str], rules: Iterable[Rule]) -> Gap:
    """Resources only deployment knows (included, Fn::ForEach, made by a macro) may be any rule's neighbour: a
    gap on every neighbour type leaves verdicts that look at neighbours unknown (single-resource ones stand)."""
    neighbours = sorted({t for r in rules for t in r.meta.related_types})
    return Gap(
        service="cloudformation",
        operation="Transform",
        error="not_scanned",
        message=f"resources made at deploy time are not in the template ({'; '.join(generated[:3])})",
        resource_types=tuple(neighbours),
    )


def _problem(source: Source, exc: BaseException) -> str:
    """One line for a source that could not be scanned."""
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, ExpansionError):
        return f"{source.path}: {exc.describe()}"
    if isinstance(exc, RecursionError):
        return f"{source.path}: nests too deeply to evaluate (lists or expressions inside each other); flatten it"
    if isinstance(exc, OSError | UnicodeDecodeError):
        return f"{source.path}: cannot read ({exc.__class__.__name__}); check the file"
    return (
        f"{source.path}: cannot evaluate ({exc.__class__.__name__}); the rest of the scan goes on "
        "(--debug shows where)"
    )


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
    chosen = options.rules
    # rule modules are imported as their resource types are met (the index holds the metadata output needs)
    rules = indexed_rules()
    result = ScanResult(rules=[r for r in rules if r.meta.iac and (chosen is None or r.id in chosen)])
    baseline = read_baseline(options.baseline) if options.baseline else None
    paths = list(paths)
    sources = discover(paths, result.warnings, result.skipped, result.notes)
    if options.roots is None:
        options = replace(options, roots=Roots.of(paths))
    now = datetime.now(UTC)
    # what exists now (modules, rules) outlives the scan: the collection after each source need not walk it
    gc.freeze()
    try:
        _scan_sources(sources, options, result, now, baseline, progress, sink)
    finally:
        gc.unfreeze()
    result.warnings = list(
        dict.fromkeys(result.warnings)
    )  # a skipped file may be met by the walk and a reader
    return result


def _scan_sources(
    sources: list[Source],
    options: ScanOptions,
    result: ScanResult,
    now: datetime,
    baseline: set[tuple[str, str, str]] | None,
    progress: Callable[[int, int, str], None] | None,
    sink: Callable[[list[Finding]], None] | None,
) -> None:
    """Scan each source in turn into ``result`` (or ``sink``)."""
    for done, source in enumerate(sources, 1):
        if progress is not None:
            progress(done, len(sources), str(source.path))
        try:
            with paused_gc():  # parsing builds many objects that all stay alive: collect once per source
                findings = _source_findings(source, options, result, now, baseline)
        except NotATemplate as exc:  # parsed, but not a template: a skip, never an error
            if exc.path != source.path:  # a nested stack's TemplateURL names a file that is not a template
                what = exc.why.removeprefix("skipped: ")
                result.errors.append(f"{source.path}: a nested stack's TemplateURL {exc.path} is {what}")
                continue
            line = f"{source.path}: {exc.why}"
            result.skipped.append(line)
            if source.named:
                result.notes.append(line.replace(": skipped: ", ": not scanned: ", 1))
            continue
        except (InputError, ExpansionError, RecursionError, OSError, UnicodeDecodeError) as exc:
            result.errors.append(_problem(source, exc))
            continue
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            if debug_enabled():
                raise
            result.errors.append(_problem(source, exc))
            continue
        if options.min_severity is not None:
            rank = options.min_severity.rank
            findings = [f for f in findings if f.severity.rank <= rank]
        result.record(findings)
        if sink is not None:
            sink(findings)
            del findings
            if done < len(sources):  # parse trees hold reference cycles: free one source's before the next
                gc.collect()
        else:
            result.findings.extend(findings)
