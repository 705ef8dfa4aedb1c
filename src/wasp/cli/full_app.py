"""Every `wasp` subcommand as one typer app (`wasp scan` is dispatched before this is built)."""

from __future__ import annotations

from typing import Annotated

import click
import typer

from wasp import __version__

HELP = "Review an AWS workload against the AWS Well-Architected Framework Security Pillar, with evidence."


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


def _forward_scan(ctx: typer.Context) -> None:
    """`wasp scan` is a click command (see scan_cmd); this lists it here and hands it its arguments."""
    from wasp.cli.scan_cmd import scan_command

    scan_command.main(args=list(ctx.args), prog_name="wasp scan", standalone_mode=False)


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
    app.command(
        "scan",
        help=(scan_cmd.scan_command.help or "").split("\n")[0],
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )(_forward_scan)
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


def run(args: list[str]) -> int:
    """Run the app and return its exit code; its usage errors print click's message and give exit code 2.

    typer 0.29 vendors click, so its usage errors and aborts are not click's own classes: they are translated
    here, so that a mistyped option is one message, never a traceback.
    """
    from typer._click.exceptions import ClickException

    try:
        result = full_app()(args=args, standalone_mode=False, prog_name="wasp")
    except ClickException as exc:
        exc.show()
        return 2
    except typer.Abort as exc:
        raise click.exceptions.Abort() from exc
    return result if isinstance(result, int) else 0
