"""`wasp --help`, `wasp --version` and every `wasp CMD --help` stay light: no AWS SDK, database, templating,
charting, emulator or engine code is imported to print help (bench/cli_startup.py prints the time and memory)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from wasp.cli.app import COMMANDS, cli
from wasp.cli.groups import GROUPS
from wasp.cli.lazy import load

HEAVY = (
    "sqlalchemy",
    "alembic",
    "boto3",
    "botocore",
    "jinja2",
    "weasyprint",
    "matplotlib",
    "moto",
    "fastapi",
    "uvicorn",
    "starlette",
    "pwdlib",
    "wasp.serve",
    "wasp.store",
    "wasp.engine",
    "wasp.collect",
)
"""Modules that `--help` must not import."""

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
from wasp.cli.app import main
heavy = {heavy!r}
seen = {{}}
for args in {runs!r}:
    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, None), (args, exc.code)
    seen[" ".join(args)] = sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy
                                  or any(m.startswith(h + ".") for h in heavy))
print(json.dumps(seen))
"""


def _runs(name: str) -> list[list[str]]:
    """`wasp NAME --help`, and `wasp NAME SUB --help` for each subcommand of a group."""
    runs = [[name, "--help"]]
    group = GROUPS.get(name)
    if group is not None:
        runs += [[name, sub, "-h"] for sub in group.list_commands(click.Context(group))]
    return runs


def _probe(runs: list[list[str]]) -> dict[str, list[str]]:
    code = PROBE.format(heavy=HEAVY, runs=runs)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    found: dict[str, list[str]] = json.loads(last)
    return found


def test_root_help_and_version_import_no_command_module() -> None:
    seen = _probe([["--help"], ["--version"], ["-h"]])
    assert seen == {"--help": [], "--version": [], "-h": []}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_help_imports_nothing_heavy(name: str) -> None:
    seen = _probe(_runs(name))
    assert all(not modules for modules in seen.values()), seen


def test_the_listing_is_each_command_s_own_first_help_line() -> None:
    """The summaries `wasp --help` prints without importing the commands are the commands' own words."""
    for table in (COMMANDS, *(g.lazy for g in GROUPS.values())):  # type: ignore[attr-defined]
        for name, (target, summary) in table.items():
            command = load(target)
            first = (command.help or "").strip().splitlines()[0]
            assert first == summary, (name, first, summary)


def _every_command() -> list[tuple[str, click.Command]]:
    out = []
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None
        if isinstance(command, click.Group):
            for sub in command.list_commands(click.Context(command)):
                found = command.get_command(click.Context(command), sub)
                assert found is not None
                out.append((f"{name} {sub}", found))
        else:
            out.append((name, command))
    return out


def test_every_help_lists_its_exit_codes_and_h(capsys: pytest.CaptureFixture[str]) -> None:
    from wasp.cli.app import main

    for path, command in _every_command():
        with pytest.raises(SystemExit) as exc:
            main([*path.split(), "-h"])
        text = capsys.readouterr().out
        assert exc.value.code == 0 and "-h, --help" in text, path
        flat = " ".join(text.split())
        has_fail_on = any("--fail-on" in p.opts for p in command.params)
        if has_fail_on:
            assert "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or input error." in flat, path
        else:
            assert "Exit codes: 0 ok," in flat and "--fail-on" not in flat.split("Exit codes:")[1], path


def test_output_paths_are_o_output_and_formats_are_f_format() -> None:
    for path, command in _every_command():
        for param in command.params:
            if "--output" in param.opts:
                assert "-o" in param.opts, path
            if "--format" in param.opts:
                assert "-f" in param.opts, path
            if isinstance(param, click.Option) and not param.is_flag and param.type.name != "choice":
                assert param.metavar, (path, param.opts)  # readable metavars, not click's TEXT/PATH


def test_no_typer_left() -> None:
    pattern = re.compile(r"^\s*(import typer|from typer)", re.MULTILINE)
    offenders = [
        str(p.relative_to(ROOT))
        for base in ("src", "tests", "bench")
        for p in (ROOT / base).rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []
