"""`wasp init` and `wasp attest template`: write starter files."""

from __future__ import annotations

from pathlib import Path

import click

from wasp.cli.options import ACCOUNTS, REGIONS, command, csv_list, path_type


def _write(path: Path, text: str, force: bool) -> None:
    from wasp.cli.console import out, safe
    from wasp.errors import InputError

    if path.exists() and not force:
        raise InputError(f"{path} already exists; pass --force to overwrite it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from exc
    out.print(f"wrote {safe(path)}")


@command("init")
@click.argument(
    "path", metavar="[FILE]", required=False, type=path_type(dir_okay=False), default=Path("wasp.yaml")
)
@click.option("--name", default="my-workload", show_default=True, metavar="NAME", help="Workload name")
@click.option(
    "--regions", default="eu-west-2", show_default=True, metavar=REGIONS, help="Comma-separated regions"
)
@click.option("--accounts", default="", metavar=ACCOUNTS, help="Comma-separated 12-digit account ids")
@click.option("--force", is_flag=True, help="Overwrite an existing file")
def init(path: Path, name: str, regions: str, accounts: str, force: bool) -> None:
    """Write a starter workload file (accounts, regions, sources, owners).

    FILE defaults to wasp.yaml. One workload: edit the file, then run `wasp review FILE`.
    """
    from wasp.cli.checks import check_accounts
    from wasp.regions import check_regions
    from wasp.workload import workload_template

    regs = list(check_regions(csv_list(regions), "--regions"))
    accts = list(check_accounts(csv_list(accounts), "--accounts"))
    _write(path, workload_template(name, regs, accts), force)


@command("template")
@click.option(
    "--output",
    "-o",
    type=path_type(dir_okay=False),
    default=Path("attestations.yaml"),
    show_default=True,
    metavar="FILE",
    help="File to write",
)
@click.option("--workload", metavar="NAME", help="Workload name to put in the file")
@click.option("--force", is_flag=True, help="Overwrite an existing file")
def attest_template(output: Path, workload: str | None, force: bool) -> None:
    """Write a starter attestation file listing every hybrid and attested best practice.

    Answer what applies (owner, date, evidence), then point the workload file's `attestations:` at it.
    """
    from datetime import UTC, datetime

    from wasp.attest import attestation_template
    from wasp.catalogue import load_catalogue

    _write(output, attestation_template(load_catalogue(), datetime.now(UTC).date(), workload), force)
