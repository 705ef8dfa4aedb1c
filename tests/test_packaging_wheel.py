"""A built wheel installs in a clean venv (core dependencies from the lock) and runs scan and report (`-m slow`).

The wheel is built from a copy of pyproject.toml, README.md and src/ so the checkout gets no build/ or egg-info.
Dependencies come from requirements/core.lock through pip's own configured index, then the wheel goes in with
--no-deps: the same versions CI tests, and no optional part (weasyprint, moto, matplotlib, psycopg).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "tests" / "fixtures" / "cfn" / "payments.yaml"
PACKAGE_DATA = (
    "wasp/py.typed",
    "wasp/catalogue/data/security_pillar.yaml",
    "wasp/catalogue/frameworks/ncsc.yaml",
    "wasp/schemas/review.schema.json",
    "wasp/schemas/scan.schema.json",
    "wasp/report/templates/report.html.j2",
    "wasp/demo/attestations.yaml.tmpl",
    "wasp/store/migrations/script.py.mako",
    "wasp/store/migrations/env.py",
)


def _run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, (
        f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stderr[-3000:]}"
    )
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a clean copy of the project."""
    work = tmp_path_factory.mktemp("build")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, work / name)
    shutil.copytree(ROOT / "src", work / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", work / "dist", work)
    (built,) = (work / "dist").glob("wasp-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the core lock and the wheel; returns its bin folder."""
    where = tmp_path_factory.mktemp("venv") / "venv"
    _run(sys.executable, "-m", "venv", where)
    python = where / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", "-r", ROOT / "requirements" / "core.lock")
    _run(python, "-m", "pip", "install", "--quiet", "--no-deps", wheel)
    return where / "bin"


def _clean_env(tmp: Path) -> dict[str, str]:
    """No PYTHONPATH pointing at the checkout, and a HOME of its own (the store's default folder)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["HOME"] = str(tmp)
    env["XDG_DATA_HOME"] = str(tmp / "data")
    return env


def test_the_wheel_carries_the_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [n for n in PACKAGE_DATA if n not in names]
    assert not missing, f"not in the wheel: {missing}"
    assert any(n.startswith("wasp/store/migrations/versions/") for n in names)
    assert any(n.startswith("wasp/remediate/fixers/") for n in names)
    assert not any(n.startswith(("tests/", "bench/")) for n in names)
    entry_points = zipfile.ZipFile(wheel).read("wasp-0.1.0.dist-info/entry_points.txt").decode()
    assert "wasp = wasp.cli.app:main" in entry_points


def test_the_core_install_holds_no_optional_part(venv: Path) -> None:
    listed = _run(venv / "python", "-m", "pip", "list", "--format=json")
    names = {p["name"].lower() for p in json.loads(listed)}
    assert "wasp" in names and "boto3" in names
    assert not names & {"weasyprint", "moto", "matplotlib", "psycopg", "typer", "cfn-lint"}


def test_the_installed_wheel_runs_version_scan_and_report(
    venv: Path, tmp_path: Path, demo_doc: dict[str, Any]
) -> None:
    env = _clean_env(tmp_path)
    wasp = venv / "wasp"
    assert "0.1.0" in _run(wasp, "--version", cwd=tmp_path, env=env)

    scanned = json.loads(_run(wasp, "scan", TEMPLATE, "-f", "json", cwd=tmp_path, env=env))
    assert scanned["schema"] == "wasp.scan/1"
    assert any(f["status"] == "fail" for f in scanned["findings"])

    review = tmp_path / "review.json"
    review.write_text(json.dumps(demo_doc), encoding="utf-8")
    _run(wasp, "report", review, "-f", "md", "-o", tmp_path / "review.md", cwd=tmp_path, env=env)
    text = (tmp_path / "review.md").read_text(encoding="utf-8")
    assert "SEC01" in text and demo_doc["workload"] in text
