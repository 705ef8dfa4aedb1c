"""`wasp init` and `wasp attest template`: write starter files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from wasp.attest import attestation_template
from wasp.catalogue import load_catalogue
from wasp.cli.console import out, safe
from wasp.cli.options import csv_list
from wasp.errors import InputError
from wasp.workload import workload_template


def _write(path: Path, text: str, force: bool) -> None:
    if path.exists() and not force:
        raise InputError(f"{path} already exists; pass --force to overwrite it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from exc
    out.print(f"wrote {safe(path)}")


def init(
    path: Annotated[Path, typer.Argument(help="Workload file to write")] = Path("wasp.yaml"),
    name: Annotated[str, typer.Option(help="Workload name")] = "my-workload",
    regions: Annotated[str, typer.Option(help="Comma-separated regions")] = "eu-west-2",
    accounts: Annotated[str, typer.Option(help="Comma-separated account ids")] = "",
    force: Annotated[bool, typer.Option(help="Overwrite an existing file")] = False,
) -> None:
    """Write a starter workload file (one workload: its accounts, regions, sources and owners)."""
    regs = list(csv_list(regions))
    accts = list(csv_list(accounts))
    _write(path, workload_template(name, regs, accts), force)


def attest_template(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write")] = Path("attestations.yaml"),
    workload: Annotated[str | None, typer.Option(help="Workload name to put in the file")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file")] = False,
) -> None:
    """Write a starter attestation file listing every hybrid and attested best practice."""
    _write(output, attestation_template(load_catalogue(), datetime.now(UTC).date(), workload), force)
