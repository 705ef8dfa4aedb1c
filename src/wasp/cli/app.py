"""The `wasp` command: every subcommand, and one-line errors with exit code 2."""

from __future__ import annotations

import sys
from typing import Annotated

import click
import typer

from wasp import __version__
from wasp.errors import WaspError

HELP = "Review an AWS workload against the AWS Well-Architected Framework Security Pillar, with evidence."
LIGHT_COMMANDS = {"scan"}
"""Commands run on every commit in CI: built without importing boto3, SQLAlchemy or the report stack."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wasp {__version__}")
        raise typer.Exit()


def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version")
    ] = False,
) -> None:
    """Global options."""


def _new_app() -> typer.Typer:
    app = typer.Typer(
        name="wasp", help=HELP, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False
    )
    app.callback()(_root)
    return app


def scan_app() -> typer.Typer:
    """The app with only `wasp scan` (fast start-up: ~45 MB and a fraction of a second)."""
    from wasp.cli import scan_cmd

    app = _new_app()
    app.command("scan")(scan_cmd.scan_command)
    return app


def full_app() -> typer.Typer:
    """Every subcommand."""
    from wasp.cli import (
        catalogue_cmd,
        collect_cmd,
        compliance_cmd,
        diff_cmd,
        fix_cmd,
        guardrails_cmd,
        permissions_cmd,
        report_cmd,
        review_cmd,
        rules_cmd,
        scan_cmd,
        schema_cmd,
        setup_cmds,
        store_cmd,
        waiver_cmd,
    )

    app = _new_app()
    attest_app = typer.Typer(
        help="Attestations: what people answer for practices no API can show.", no_args_is_help=True
    )
    app.command("catalogue")(catalogue_cmd.catalogue)
    app.command("init")(setup_cmds.init)
    app.command("review")(review_cmd.review)
    app.command("collect")(collect_cmd.collect)
    app.command("demo")(review_cmd.demo)
    app.command("report")(report_cmd.report)
    app.command("scan")(scan_cmd.scan_command)
    app.command("compliance")(compliance_cmd.compliance)
    app.command("diff")(diff_cmd.diff)
    app.command("milestones")(store_cmd.milestones)
    app.command("show")(store_cmd.show)
    app.command("history")(store_cmd.history)
    app.add_typer(store_cmd.milestone_app, name="milestone")
    app.add_typer(waiver_cmd.waiver_app, name="waiver")
    app.add_typer(fix_cmd.fix_app, name="fix")
    app.add_typer(guardrails_cmd.guardrails_app, name="guardrails")
    app.command("permissions")(permissions_cmd.permissions)
    app.command("schema")(schema_cmd.schema)
    app.command("rules")(rules_cmd.rules)
    attest_app.command("template")(setup_cmds.attest_template)
    app.add_typer(attest_app, name="attest")
    return app


def _command(args: list[str]) -> str | None:
    """The subcommand named on the command line (the first argument that is not an option)."""
    return next((a for a in args if not a.startswith("-")), None)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    from wasp.cli.console import err

    app = scan_app() if _command(args) in LIGHT_COMMANDS else full_app()
    try:
        result = app(args=args, standalone_mode=False, prog_name="wasp")
    except WaspError as exc:
        if debug:
            raise
        err.print(f"wasp: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:
        err.print("wasp: aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("wasp: interrupted")
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else 0)
