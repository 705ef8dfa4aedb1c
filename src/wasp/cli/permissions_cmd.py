"""`wasp permissions`: the least-privilege read-only IAM policy for the selected collectors."""

from __future__ import annotations

import click

from wasp.cli.options import COLLECTORS, command


@command("permissions")
@click.option("--collectors", metavar=COLLECTORS, help="Only these collectors (comma-separated)")
@click.option(
    "--wa-tool", is_flag=True, help="The policy `wasp wa` needs for the Well-Architected Tool instead"
)
def permissions(collectors: str | None, wa_tool: bool) -> None:
    """The read-only IAM policy wasp needs.

    Derived from the collectors' own declarations: attach it to the role or user wasp reviews with.
    """
    import json

    from wasp.cli.checks import check_collectors
    from wasp.cli.console import out
    from wasp.cli.options import csv_list
    from wasp.collect import required_permissions, select_collectors

    if wa_tool:
        from wasp.wa.permissions import wa_policy

        out.print_json(json.dumps(wa_policy()))
        return
    names = list(check_collectors(csv_list(collectors), "--collectors")) or None
    actions = required_permissions(select_collectors(names))
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "WaspReadOnly", "Effect": "Allow", "Action": actions, "Resource": "*"}],
    }
    out.print_json(json.dumps(policy))
