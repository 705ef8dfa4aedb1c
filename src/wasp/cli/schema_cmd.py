"""`wasp schema NAME`: print the JSON Schema of a wasp file format."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from wasp.cli.console import out
from wasp.schemas import schema as load_schema


class SchemaName(StrEnum):
    """The formats with a schema."""

    review = "review"
    scan = "scan"
    attestations = "attestations"
    workload = "workload"


def schema(
    name: Annotated[SchemaName, typer.Argument(help="review, scan, attestations or workload")],
) -> None:
    """Print the JSON Schema for the review JSON, the scan JSON, the attestation file or the workload file."""
    out.print_json(json.dumps(load_schema(name.value)))
