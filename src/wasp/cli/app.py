"""The `wasp` entry point: the root command group, and one-line errors with exit code 2.

Every subcommand is listed in COMMANDS (and the subgroups in wasp.cli.groups) by import path and one-line
summary, and imported only when it runs: `wasp --help` and `wasp X --help` import no AWS SDK, database or report
code (tests/test_cli_startup.py holds this; bench/cli_startup.py prints the start-up time and memory).
"""

from __future__ import annotations

import os
import sys
from typing import IO

import click

from wasp import __version__
from wasp.cli.lazy import CONTEXT, Entry, LazyGroup
from wasp.errors import DEBUG_ENV, WaspError

HELP = "Review an AWS workload against the AWS Well-Architected Framework Security Pillar, with evidence."

COMMANDS: dict[str, Entry] = {
    "init": (
        "wasp.cli.setup_cmds:init",
        "Write a starter workload file (accounts, regions, sources, owners).",
    ),
    "review": (
        "wasp.cli.review_cmd:review",
        "Review a live workload (or a snapshot); write DIR/review.json.",
    ),
    "demo": ("wasp.cli.review_cmd:demo", "Review the built-in emulated AWS account and write the reports."),
    "collect": (
        "wasp.cli.collect_cmd:collect",
        "Collect (read-only) and save a snapshot for an offline review.",
    ),
    "report": (
        "wasp.cli.report_cmd:report",
        "Render a saved review: html, pdf, md, csv, sarif, ocsf, asff...",
    ),
    "compliance": (
        "wasp.cli.compliance_cmd:compliance",
        "A UK framework's controls and their status for a review.",
    ),
    "diff": ("wasp.cli.diff_cmd:diff", "What got better or worse between two reviews."),
    "scan": (
        "wasp.cli.scan_cmd:scan_command",
        "Scan CloudFormation, Terraform and plan JSON before deploying.",
    ),
    "fix": ("wasp.cli.groups:fix", "Remediation: plan (dry run) and apply, with an audit log."),
    "guardrails": ("wasp.cli.groups:guardrails", "Guardrails that keep the fixes applied."),
    "waiver": ("wasp.cli.groups:waiver", "Waivers: accepted risks, stored with an audit trail."),
    "milestone": ("wasp.cli.groups:milestone", "Milestones: named points in a workload's history."),
    "milestones": ("wasp.cli.store_cmd:milestones", "List milestones with their risk counts."),
    "show": ("wasp.cli.store_cmd:show", "Show a stored review's summary, or its whole JSON."),
    "history": ("wasp.cli.store_cmd:history", "High- and medium-risk questions per stored review over time."),
    "attest": ("wasp.cli.groups:attest", "Attestations: what people answer for practices no API can show."),
    "serve": (
        "wasp.cli.serve_cmd:serve",
        "Serve the review store in a browser for a team (needs wasp[serve]).",
    ),
    "users": ("wasp.cli.groups:users", "Users of `wasp serve`: add and list."),
    "catalogue": (
        "wasp.cli.catalogue_cmd:catalogue",
        "The Security Pillar: 11 questions and 63 best practices.",
    ),
    "wa": ("wasp.cli.wa_cmd:wa", "Round trip with the AWS Well-Architected Tool: export, import, list."),
    "rules": ("wasp.cli.rules_cmd:rules", "Every rule: id, title, severity, best practices, resource type."),
    "permissions": ("wasp.cli.permissions_cmd:permissions", "The read-only IAM policy wasp needs."),
    "schema": ("wasp.cli.schema_cmd:schema", "The JSON Schema of a wasp file format."),
}
"""Every top-level command: name -> ("module:attribute", summary). The summary is the command's first help line."""


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"wasp {__version__}")
        ctx.exit()


@click.group(cls=LazyGroup, lazy=COMMANDS, name="wasp", help=HELP, context_settings=CONTEXT)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors")
@click.option(
    "--version", is_flag=True, is_eager=True, expose_value=False, callback=_version, help="Print the version"
)
def cli(debug: bool) -> None:
    """The root group: --debug is read by main() before parsing, so errors in option parsing honour it too."""


def show_click_error(exc: click.ClickException, file: IO[str] | None = None) -> None:
    """click's message, with the user's own text in it (an unknown option, a bad value) made printable."""
    from wasp.report.safe_text import plain

    stream = file or sys.stderr
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):  # `wasp` or `wasp fix` alone: the help, as it is
        exc.show(stream)
        return
    ctx = exc.ctx if isinstance(exc, click.UsageError) else None
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = f"Try '{ctx.command_path} --help' for help.\n"
        click.echo(f"{ctx.get_usage()}\n{hint}", file=stream)
    click.echo(f"Error: {plain(exc.format_message())}", file=stream)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    if debug:
        os.environ[DEBUG_ENV] = "1"
    try:
        result = cli.main(args=args, prog_name="wasp", standalone_mode=False)
    except WaspError as exc:
        if debug:
            raise
        _error(str(exc))
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        show_click_error(exc)
        sys.exit(2)
    except click.exceptions.Abort:
        _error("aborted", prefix="wasp: ")
        sys.exit(130)
    except OSError as exc:
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        sys.exit(2)
    except KeyboardInterrupt:
        _error("interrupted", prefix="wasp: ")
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else 0)


def _error(message: str, prefix: str = "wasp: error: ") -> None:
    """One line on stderr, the message made printable (it may carry a file name or a resource's name)."""
    from wasp.cli.console import err, plain

    err.print(f"{prefix}{plain(message)}", markup=False, highlight=False, soft_wrap=True)
