"""`wasp schema NAME`: print the JSON Schema of a wasp file format."""

from __future__ import annotations

import click

from wasp.cli.options import command

SCHEMAS = ("review", "scan", "attestations", "workload")
"""The formats with a schema."""


@command("schema")
@click.argument("name", metavar="NAME", type=click.Choice(SCHEMAS))
def schema(name: str) -> None:
    """The JSON Schema of a wasp file format.

    NAME is review (the review JSON), scan (the scan JSON), attestations or workload (the YAML files).
    """
    import json

    from wasp.cli.console import out
    from wasp.schemas import schema as load_schema

    out.print_json(json.dumps(load_schema(name)))
