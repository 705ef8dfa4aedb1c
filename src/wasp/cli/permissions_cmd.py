"""`wasp permissions`: the least-privilege read-only IAM policy for the selected collectors."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from wasp.cli.console import out
from wasp.cli.options import csv_list
from wasp.collect import required_permissions, select_collectors


def permissions(
    collectors: Annotated[str | None, typer.Option(help="Only these collectors (comma-separated)")] = None,
) -> None:
    """Print the IAM policy wasp needs, derived from the collectors' own declarations."""
    names = list(csv_list(collectors)) or None
    actions = required_permissions(select_collectors(names))
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "WaspReadOnly", "Effect": "Allow", "Action": actions, "Resource": "*"}],
    }
    out.print_json(json.dumps(policy))
