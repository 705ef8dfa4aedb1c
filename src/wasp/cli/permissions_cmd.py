"""`wasp permissions`: the least-privilege read-only IAM policy for the selected collectors."""

from __future__ import annotations

import click

from wasp.cli.options import COLLECTORS, command


@command("permissions")
@click.option("--collectors", metavar=COLLECTORS, help="Only these collectors (comma-separated)")
@click.option(
    "--wa-tool", is_flag=True, help="The policy `wasp wa` needs for the Well-Architected Tool instead"
)
@click.option(
    "--stackset",
    is_flag=True,
    help="Print a CloudFormation template of the member-account role instead (deploy it with a StackSet)",
)
@click.option(
    "--trusted",
    metavar="ACCOUNT|ROLE_ARN",
    help="With --stackset: the account (or hub role) wasp runs from, trusted to assume the role",
)
@click.option(
    "--role-name", default="WaspReadOnly", show_default=True, metavar="ROLE", help="With --stackset"
)
@click.option("--external-id", metavar="ID", help="With --stackset: require this sts:ExternalId")
def permissions(
    collectors: str | None,
    wa_tool: bool,
    stackset: bool,
    trusted: str | None,
    role_name: str,
    external_id: str | None,
) -> None:
    """The read-only IAM policy wasp needs.

    Derived from the collectors' own declarations: attach it to the role or user wasp reviews with. With
    --stackset, a CloudFormation template of that role for every member account (docs/org.md).
    """
    import json
    import re

    from wasp.cli.checks import check_collectors
    from wasp.cli.console import out
    from wasp.cli.options import csv_list
    from wasp.collect import required_permissions, select_collectors
    from wasp.errors import InputError

    if wa_tool and (stackset or collectors):
        raise InputError(
            "--wa-tool prints the Well-Architected Tool policy on its own: drop --stackset/--collectors"
        )
    if wa_tool:
        from wasp.wa.permissions import wa_policy

        out.print_json(json.dumps(wa_policy()))
        return
    names = list(check_collectors(csv_list(collectors), "--collectors")) or None
    actions = required_permissions(select_collectors(names))
    if stackset:
        from wasp.org.stackset import member_role_template

        if not trusted or not re.fullmatch(r"\d{12}|arn:aws[a-z-]*:iam::\d{12}:role/.+", trusted):
            raise InputError(
                "--stackset needs --trusted ACCOUNT_ID (12 digits) or the hub role's ARN: the account wasp "
                "runs from, which the member role trusts"
            )
        out.print_json(json.dumps(member_role_template(actions, trusted, role_name, external_id)))
        return
    if trusted or external_id:
        raise InputError("--trusted and --external-id shape the --stackset template: add --stackset")
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "WaspReadOnly", "Effect": "Allow", "Action": actions, "Resource": "*"}],
    }
    out.print_json(json.dumps(policy))
