"""`wasp scan`: shift-left, the same rules on CloudFormation before it is deployed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from wasp.cli.options import EXIT_CODES_FAIL_ON, csv_list
from wasp.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from wasp.cli.scan_output import ScanWriter
    from wasp.model import Finding
    from wasp.model.rule import Rule
    from wasp.scan_workflow import ScanResult

FORMATS = ("table", "json", "sarif", "junit")
THRESHOLDS = ("critical", "high", "medium", "low")
EXIT_CODES = (
    f"{EXIT_CODES_FAIL_ON} --severity-threshold without --fail-on sets it too; --soft-fail exits 0 on findings "
    "(still 2 for a template that cannot be read); naming only files that are not templates exits 0."
)


def _tf_value(text: str) -> Any:
    """A -var value: HCL/JSON lists, maps, numbers and booleans are parsed, anything else is a string."""
    if text[:1] in ("[", "{") or text in ("true", "false") or text.replace(".", "", 1).isdigit():
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
    return text


def _open_output(path: Path) -> Any:
    """The output file, its folder created; a path that cannot be written is one line."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write the output ({exc.strerror or exc})") from exc


def _destinations(formats: tuple[str, ...], outputs: tuple[Path, ...]) -> list[tuple[str, Path | None]]:
    """(format, file) pairs in the order given; one format more than files prints the last to stdout."""
    chosen = formats or ("table",)
    if len(outputs) > len(chosen) or len(chosen) > len(outputs) + 1:
        raise InputError(
            f"--format given {len(chosen)} time(s) and --output {len(outputs)}: give one -o FILE per -f FORMAT, "
            "in the same order (one -f may go without -o, to stdout)"
        )
    seen = [o.resolve() for o in outputs]
    if len(set(seen)) != len(seen):
        raise InputError("--output: the same file is given twice; give each format its own file")
    return [(fmt, outputs[i] if i < len(outputs) else None) for i, fmt in enumerate(chosen)]


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    out = {}
    for item in values or []:
        if "=" not in item:
            raise InputError(f"{option} {item!r}: expected KEY=VALUE")
        key, value = item.split("=", 1)
        out[key] = value
    return out


# `wasp scan` runs on every commit in CI: what it needs is imported in the function, so that `--help` is instant.
@click.command(
    "scan",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
    epilog=EXIT_CODES,
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "-f",
    "fmt",
    multiple=True,
    type=click.Choice(FORMATS),
    metavar="FORMAT",
    help=f"Output format: {', '.join(FORMATS)} (default table; repeat with -o for several outputs in one run)",
)
@click.option(
    "--output",
    "-o",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Write the matching -f here instead of stdout: -f sarif -o r.sarif -f json -o r.json",
)
@click.option(
    "--fail-on",
    type=click.Choice(THRESHOLDS),
    metavar="SEVERITY",
    help=f"Exit 1 on a failing finding of this severity or worse: {', '.join(THRESHOLDS)}",
)
@click.option(
    "--severity-threshold",
    type=click.Choice(THRESHOLDS),
    metavar="SEVERITY",
    help="Report (and fail on) only findings of this severity or worse; without --fail-on it sets it too",
)
@click.option("--soft-fail", is_flag=True, help="Exit 0 even with failing findings (still 2 for bad input)")
@click.option(
    "--check",
    "checks",
    multiple=True,
    metavar="RULE[,RULE...]",
    help="Run only these rules: wasp rule ids, globs, or Checkov ids (CKV_AWS_19) for the rules covering them",
)
@click.option(
    "--skip-check",
    "skip_checks",
    multiple=True,
    metavar="RULE[,RULE...]",
    help="Do not run these rules (wasp rule ids, globs or Checkov ids)",
)
@click.option(
    "--parameter", "-p", multiple=True, metavar="KEY=VALUE", help="CloudFormation parameter (repeatable)"
)
@click.option(
    "--parameter-file",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    metavar="FILE",
    help="CloudFormation parameters file (the CLI's JSON list, or a mapping)",
)
@click.option("--var", multiple=True, metavar="KEY=VALUE", help="Terraform variable (as -var; repeatable)")
@click.option(
    "--var-file",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    metavar="FILE",
    help="Terraform .tfvars file (as -var-file)",
)
@click.option(
    "--region",
    metavar="REGION",
    help="The region the templates deploy to (AWS::Region, data.aws_region); without it they are unknown",
)
@click.option("--no-inline-skips", is_flag=True, help="Ignore inline skips (for central security teams)")
@click.option(
    "--honour-checkov-skips",
    is_flag=True,
    help="Apply checkov:skip=CKV_AWS_...:reason comments and Metadata.checkov.skip to the rules covering them",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    metavar="FILE",
    help="Waive the findings this baseline lists; report only new ones",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Write today's failing and unknown findings as a baseline",
)
@click.option(
    "--limit",
    multiple=True,
    metavar="CAP=N",
    help="Raise or lower a cap: template, terraform, plan, baseline (MB per file), expanded (MB of text a "
    "source may build when evaluated), nodes (values it may build). Defaults: docs/security.md",
)
@click.option(
    "--verbose", "-v", is_flag=True, help="List the files left out (not templates) and why, one line each"
)
def scan_command(
    paths: tuple[Path, ...],
    fmt: tuple[str, ...],
    output: tuple[Path, ...],
    fail_on: str | None,
    severity_threshold: str | None,
    soft_fail: bool,
    checks: tuple[str, ...],
    skip_checks: tuple[str, ...],
    parameter: tuple[str, ...],
    parameter_file: tuple[Path, ...],
    var: tuple[str, ...],
    var_file: tuple[Path, ...],
    region: str | None,
    no_inline_skips: bool,
    honour_checkov_skips: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    limit: tuple[str, ...],
    verbose: bool,
) -> None:
    """Scan CloudFormation, Terraform and plan JSON before deploying.

    The same rules a live review uses, with file and line for each finding. PATHS are templates, Terraform folders or plan JSON files, or folders of them; other JSON and YAML (serverless.yml, Kubernetes, workflows...) is skipped.
    """
    from wasp.gcpause import paused_gc

    # A scan is one short process whose objects (modules, rules, findings) mostly live to the end: the cyclic
    # collector would re-walk them hundreds of times for nothing (a tenth of a small scan's CPU time). The scan
    # still frees each source's parse trees with one explicit collection (wasp.scan_workflow), so memory stays
    # flat; the collector is restored when the command ends (tests run it in-process).
    click.get_current_context().with_resource(paused_gc())
    from wasp import limits
    from wasp.cli import scan_stderr
    from wasp.cli.scan_checks import select
    from wasp.iac.parameters import load_parameter_file
    from wasp.iac.suppress import write_baseline as write_baseline_file
    from wasp.model import FindingStatus, Severity
    from wasp.regions import check_regions
    from wasp.rules._index import indexed_rules
    from wasp.scan_workflow import ScanOptions, scan

    limits.configure(_pairs(limit, "--limit"))
    if region is not None:
        check_regions([region], "--region")
    destinations = _destinations(fmt, output)
    selection = select(
        [r for r in indexed_rules() if r.meta.iac],
        [c for v in checks for c in csv_list(v)],
        [c for v in skip_checks for c in csv_list(v)],
    )
    options = ScanOptions(
        parameters={
            **{k: v for f in parameter_file for k, v in load_parameter_file(f).items()},
            **_pairs(parameter, "--parameter"),
        },
        variables={k: _tf_value(v) for k, v in _pairs(var, "--var").items()},
        var_files=list(var_file),
        inline_skips=not no_inline_skips,
        baseline=baseline,
        region=region,
        rules=frozenset(r.id for r in selection.rules) if checks or skip_checks else None,
        min_severity=Severity(severity_threshold) if severity_threshold else None,
        checkov_skips=honour_checkov_skips,
    )
    kept: list[Finding] = []
    keep = write_baseline is not None or any(f == "table" for f, _ in destinations)
    opened: list[tuple[str, Path | None, Any]] = []
    writers: list[ScanWriter] = []
    try:
        for name, path in destinations:
            stream = _open_output(path) if path is not None else None
            opened.append((name, path, stream))
            writer = _writer(name, stream, path is None, selection.rules)
            if writer is not None:
                writers.append(writer)

        def sink(findings: list[Finding]) -> None:
            for writer in writers:
                writer.add(findings)
            if keep:
                kept.extend(f for f in findings if f.status is not FindingStatus.PASS)

        with scan_stderr.progress() as progress:
            result = scan(list(paths), options=options, progress=progress, sink=sink)
        result.notes[:0] = selection.notes
        for writer in writers:
            writer.close(result)
        for name, _, stream in opened:
            if name == "table":
                _table(result, kept, _console(stream))
    finally:
        for _, _, stream in opened:
            if stream is not None:
                stream.close()
    for _, path, _ in opened:
        if path is not None:
            scan_stderr.say("wrote ", path)
    if write_baseline is not None:
        try:
            write_baseline.parent.mkdir(parents=True, exist_ok=True)
            count = write_baseline_file(write_baseline, kept)
        except OSError as exc:
            raise InputError(f"{write_baseline}: cannot write the baseline ({exc.strerror or exc})") from exc
        scan_stderr.say("wrote ", write_baseline, f" ({count} finding(s))")
    lines = [f"wasp: {line}" for line in result.skipped] if verbose else []
    lines += [f"wasp: note: {line}" for line in result.notes if not (verbose and line in result.skipped)]
    if not result.files and not result.errors:
        lines.append(
            "wasp: note: nothing to scan: no CloudFormation template, Terraform folder or plan JSON in the given "
            "paths (exit 0)"
        )
    lines += [f"wasp: warning: {line}" for line in result.warnings]
    lines += [f"wasp: error: {line}" for line in result.errors]
    for line in lines:
        scan_stderr.line(line)
    if result.errors:
        raise click.exceptions.Exit(2)
    threshold = fail_on or severity_threshold
    worst = result.worst_failure
    if (
        threshold is not None
        and not soft_fail
        and worst is not None
        and worst.rank <= Severity(threshold).rank
    ):
        raise click.exceptions.Exit(1)


def _writer(name: str, stream: Any, to_stdout: bool, rules: list[Rule]) -> ScanWriter | None:
    """The streaming writer for a format (None for the table, printed at the end)."""
    import sys

    from wasp.cli.scan_output import JsonWriter, JunitWriter, SarifWriter

    out = sys.stdout if stream is None else stream
    if name == "json":
        return JsonWriter(out, pretty=to_stdout and sys.stdout.isatty())
    if name == "sarif":
        return SarifWriter(out, rules)
    if name == "junit":
        return JunitWriter(out)
    return None


def _console(stream: Any) -> Console:
    """The console the table goes to: stdout's, or a plain one writing to the output file."""
    from rich.console import Console

    from wasp.cli.console import out

    if stream is None:
        return out
    return Console(file=stream, emoji=False, color_system=None, width=160)


def _table(result: ScanResult, findings: list[Finding], console: Console) -> None:
    from rich.table import Table

    from wasp.cli.console import id_column, safe
    from wasp.model import FindingStatus

    counts = ", ".join(f"{n} {s}" for s, n in sorted(result.statuses.items()))
    table = Table(
        title=f"{len(result.files)} source(s), {result.resources} resource(s): {counts or 'no findings'}"
    )
    table.add_column("Status", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    id_column(table, "Rule", [f.rule for f in findings])
    table.add_column("Where", overflow="fold", ratio=1)
    table.add_column("Message", overflow="fold", ratio=2)
    for f in sorted(findings, key=lambda f: (f.status is not FindingStatus.FAIL, f.severity.rank)):
        table.add_row(
            f.status.value,
            f.severity.value,
            safe(f.rule),
            safe(f"{f.resource.file}:{f.resource.line} {f.resource.address}"),
            safe(f.message if f.waiver is None else f"{f.message} [{f.waiver}]"),
        )
    console.print(table, crop=False)  # a table wider than the terminal wraps; nothing is cut
