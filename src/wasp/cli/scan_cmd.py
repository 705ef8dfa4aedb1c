"""`wasp scan`: shift-left, the same rules on CloudFormation before it is deployed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from wasp.cli.options import EXIT_CODES_FAIL_ON, format_option
from wasp.errors import InputError

if TYPE_CHECKING:
    from wasp.model import Finding
    from wasp.scan_workflow import ScanResult

FORMATS = ("table", "json", "sarif", "junit")
THRESHOLDS = ("critical", "high", "medium", "low")


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
    epilog=EXIT_CODES_FAIL_ON,
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option(FORMATS, "table")
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), metavar="FILE", help="Write here instead of stdout"
)
@click.option(
    "--fail-on",
    type=click.Choice(THRESHOLDS),
    metavar="SEVERITY",
    help=f"Exit 1 on a failing finding of this severity or worse: {', '.join(THRESHOLDS)}",
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
    fmt: str,
    output: Path | None,
    fail_on: str | None,
    parameter: tuple[str, ...],
    parameter_file: tuple[Path, ...],
    var: tuple[str, ...],
    var_file: tuple[Path, ...],
    region: str | None,
    no_inline_skips: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    limit: tuple[str, ...],
    verbose: bool,
) -> None:
    """Scan CloudFormation, Terraform and plan JSON before deploying.

    The same rules a live review uses, with file and line for each finding. PATHS are templates, Terraform folders or plan JSON files, or folders of them.
    """
    import sys

    from wasp import limits
    from wasp.cli.console import err, plain, safe, scan_progress
    from wasp.cli.scan_output import JsonWriter, JunitWriter, SarifWriter, ScanWriter
    from wasp.iac.parameters import load_parameter_file
    from wasp.iac.suppress import write_baseline as write_baseline_file
    from wasp.model import FindingStatus, Severity
    from wasp.regions import check_regions
    from wasp.rules import load_rules
    from wasp.scan_workflow import ScanOptions, scan

    limits.configure(_pairs(limit, "--limit"))
    if region is not None:
        check_regions([region], "--region")
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
    )
    stream = sys.stdout if output is None else _open_output(output)
    kept: list[Finding] = []
    writer: ScanWriter | None = None
    try:
        if fmt == "json":
            writer = JsonWriter(stream, pretty=output is None and sys.stdout.isatty())
        elif fmt == "sarif":
            writer = SarifWriter(stream, [r for r in load_rules() if r.meta.iac])
        elif fmt == "junit":
            writer = JunitWriter(stream)
        keep_for_baseline = write_baseline is not None

        def sink(findings: list[Finding]) -> None:
            if writer is not None:
                writer.add(findings)
            kept.extend(
                f
                for f in findings
                if f.status is not FindingStatus.PASS and (writer is None or keep_for_baseline)
            )

        with scan_progress() as progress:
            result = scan(list(paths), options=options, progress=progress, sink=sink)
        if writer is not None:
            writer.close(result)
    finally:
        if output is not None:
            stream.close()
    if output is not None:
        err.print(f"wrote {safe(output)}")
    if write_baseline is not None:
        try:
            write_baseline.parent.mkdir(parents=True, exist_ok=True)
            count = write_baseline_file(write_baseline, kept)
        except OSError as exc:
            raise InputError(f"{write_baseline}: cannot write the baseline ({exc.strerror or exc})") from exc
        err.print(f"wrote {safe(write_baseline)} ({count} finding(s))")
    if fmt == "table":
        _table(result, kept)
    if verbose:
        for line in result.skipped:
            err.print(f"wasp: {plain(line)}", markup=False, highlight=False, soft_wrap=True)
    else:
        for line in result.notes:
            err.print(f"wasp: note: {plain(line)}", markup=False, highlight=False, soft_wrap=True)
    if not result.files and not result.errors:
        err.print(
            "wasp: note: nothing to scan: no CloudFormation template, Terraform folder or plan JSON in the given "
            "paths (exit 0)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    for line in result.warnings:
        err.print(f"wasp: warning: {plain(line)}", markup=False, highlight=False, soft_wrap=True)
    for line in result.errors:
        err.print(f"wasp: error: {plain(line)}", markup=False, highlight=False, soft_wrap=True)
    if result.errors:
        raise click.exceptions.Exit(2)
    worst = result.worst_failure
    if fail_on is not None and worst is not None and worst.rank <= Severity(fail_on).rank:
        raise click.exceptions.Exit(1)


def _table(result: ScanResult, findings: list[Finding]) -> None:
    from rich.table import Table

    from wasp.cli.console import id_column, out, safe
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
    out.print(table, crop=False)  # a table wider than the terminal wraps; nothing is cut
