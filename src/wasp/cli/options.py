"""What every command shares: comma-separated lists, the help epilogs and the common options.

Imported by every command module when `wasp CMD --help` runs, so it imports click and nothing heavier.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES = "Exit codes: 0 ok, 2 usage or input error."
"""The help epilog of a command that has no --fail-on."""

EXIT_CODES_FAIL_ON = "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or input error."
"""The help epilog of a command with --fail-on."""

FAIL_ON = ("high", "medium")
"""Question risks --fail-on accepts on review and demo."""

REGIONS = "REGION[,REGION...]"
ACCOUNTS = "ACCOUNT_ID[,ACCOUNT_ID...]"
COLLECTORS = "COLLECTOR[,COLLECTOR...]"


def csv_list(value: str | None) -> tuple[str, ...]:
    """'a, b,,c' -> ('a', 'b', 'c'); None or blank -> ()."""
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def command(name: str, *, fail_on: bool = False, **kwargs: Any) -> Callable[[F], click.Command]:
    """A click command with the exit codes in its help epilog."""
    return click.command(name, epilog=EXIT_CODES_FAIL_ON if fail_on else EXIT_CODES, **kwargs)


def path_type(*, exists: bool = False, dir_okay: bool = True, file_okay: bool = True) -> click.Path:
    """A click path that arrives as a pathlib.Path."""
    return click.Path(path_type=Path, exists=exists, dir_okay=dir_okay, file_okay=file_okay)


def db_option(
    help_text: str = "Database path or URL (default: WASP_DB or the user data dir)",
) -> Callable[[F], F]:
    """--db PATH_OR_URL."""
    return click.option("--db", metavar="PATH|URL", default=None, help=help_text)


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    """-f/--format FORMAT, one of the choices."""
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        metavar="FORMAT",
        help=f"Output format: {', '.join(choices)}",
    )


def workload_argument() -> Callable[[F], F]:
    """The optional workload file argument of review and collect."""
    return click.argument("workload_file", metavar="[WORKLOAD_FILE]", required=False, type=path_type())


def scope_options(f: F) -> F:
    """The options that override a workload file: name, profile, regions, accounts, role, collectors."""
    for decorator in reversed(
        (
            click.option("--name", metavar="NAME", help="Workload name (overrides the file)"),
            click.option("--profile", metavar="PROFILE", help="AWS profile"),
            click.option(
                "--regions", metavar=REGIONS, help="Comma-separated regions, e.g. eu-west-2,eu-west-1"
            ),
            click.option("--accounts", metavar=ACCOUNTS, help="Comma-separated 12-digit account ids"),
            click.option("--role-name", metavar="ROLE", help="Read-only role to assume in each account"),
            click.option(
                "--collectors", metavar=COLLECTORS, help="Only these collectors (see `wasp permissions`)"
            ),
            click.option(
                "--workers",
                type=click.IntRange(1, 64),
                default=8,
                show_default=True,
                metavar="N",
                help="Parallel collection tasks",
            ),
        )
    ):
        f = decorator(f)
    return f


def timeout_option(unfinished: str) -> Callable[[F], F]:
    """--timeout SECONDS for the whole collection; ``unfinished`` says what becomes of what is not done then."""
    return click.option(
        "--timeout",
        type=click.FloatRange(min=1),
        default=900,
        show_default=True,
        metavar="SECONDS",
        help=f"Seconds the whole collection may take; what is unfinished then is {unfinished}",
    )
