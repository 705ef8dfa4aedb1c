"""A click group whose subcommands are imported only when they run (or their own --help is asked for).

`wasp --help` lists every command from a table of names, import paths and one-line summaries, so it imports no
command module; `wasp X ...` imports X's module alone. The command modules themselves import their heavy parts
(boto3, SQLAlchemy, the report stack) inside the command function, so `wasp X --help` stays light as well.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import click

from wasp.cli.options import EXIT_CODES

__all__ = ["Entry", "LazyGroup"]

Entry = tuple[str, str]
"""(``"module:attribute"`` of the click command, its one-line summary for the listing)."""

HELP_OPTIONS = ["-h", "--help"]
CONTEXT = {"help_option_names": HELP_OPTIONS, "max_content_width": 110}
"""Context settings of the root group; click hands them down to every subcommand's context."""


def load(target: str) -> click.Command:
    """The click command at ``"module:attribute"``."""
    module, _, attr = target.partition(":")
    found = getattr(importlib.import_module(module), attr)
    if not isinstance(found, click.Command):
        raise TypeError(f"{target} is not a click command")
    return found


class LazyGroup(click.Group):
    """A group that resolves its subcommands from ``lazy`` ({name: (target, summary)}) on first use."""

    def __init__(self, *args: Any, lazy: Mapping[str, Entry], **kwargs: Any) -> None:
        kwargs.setdefault("epilog", EXIT_CODES)
        kwargs.setdefault("no_args_is_help", True)
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The table's order (a deliberate order: set up, review, report, store, fix), then any added later."""
        return [*self.lazy, *(n for n in sorted(self.commands) if n not in self.lazy)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the command the first time it is asked for."""
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.commands[cmd_name] = load(self.lazy[cmd_name][0])
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command listing, from the table's summaries: nothing is imported to print it."""
        rows = [(name, summary) for name, (_, summary) in self.lazy.items()]
        rows += [
            (name, cmd.get_short_help_str(limit=formatter.width))
            for name, cmd in sorted(self.commands.items())
            if name not in self.lazy and not cmd.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
