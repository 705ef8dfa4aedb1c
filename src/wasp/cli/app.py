"""The `wasp` entry point: dispatch to the command, and one-line errors with exit code 2."""

from __future__ import annotations

import os
import sys

import click

from wasp.errors import DEBUG_ENV, WaspError

LIGHT_COMMANDS = {"scan"}
"""Commands run on every commit in CI: run without importing typer, boto3, SQLAlchemy or the report stack."""


def _command(args: list[str]) -> str | None:
    """The subcommand named on the command line (the first argument that is not an option)."""
    return next((a for a in args if not a.startswith("-")), None)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    if debug:
        os.environ[DEBUG_ENV] = "1"
    from wasp.cli.console import err, plain

    command = _command(args)
    try:
        if command in LIGHT_COMMANDS:
            from wasp.cli.scan_cmd import scan_command

            rest = args[args.index(command) + 1 :]
            result = scan_command.main(args=rest, prog_name=f"wasp {command}", standalone_mode=False)
        else:
            from wasp.cli.full_app import run

            result = run(args)
    except WaspError as exc:
        if debug:
            raise
        err.print(f"wasp: error: {plain(exc)}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:
        err.print("wasp: aborted")
        sys.exit(130)
    except OSError as exc:
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        err.print(
            f"wasp: error: {plain(where)}{plain(exc.strerror or exc)}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("wasp: interrupted")
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else 0)
