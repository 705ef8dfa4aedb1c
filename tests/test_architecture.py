"""The architecture contracts (pyproject's [tool.importlinter]) hold, and each catches a forbidden import;
collectors and Terraform mappings are registered by scanning their packages."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = {
    c["name"]: c
    for c in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
}
BY_SOURCE = {c["source_modules"][0]: c for c in CONTRACTS.values()}

# One forbidden import per contract, planted in a copy of the source (some lazy, inside a function: they count).
PLANTED = {
    "wasp/model/status.py": "import wasp.errors",
    "wasp/rules/rds_not_publicly_accessible.py": "def _x() -> None:\n    import wasp.collect.base",
    "wasp/collect/sqs.py": "import wasp.rules",
    "wasp/report/safe_text.py": "import wasp.collect.api",
    "wasp/iac/enrich.py": "def _x() -> None:\n    from wasp.engine import evaluate",
    "wasp/engine/decide.py": "import wasp.iac.tree",
    "wasp/wa/notes.py": "def _x() -> None:\n    import wasp.collect.api",
    "wasp/org/scope.py": "import wasp.rules",
}


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run([exe], cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_layers_asked_for_are_contracts() -> None:
    assert BY_SOURCE["wasp.model"]["forbidden_modules"] == ["wasp.*"]  # every part, present and future
    assert BY_SOURCE["wasp.rules"]["forbidden_modules"] == ["wasp.*"]
    assert all(i.split(" -> ")[1].startswith("wasp.model") for i in BY_SOURCE["wasp.rules"]["ignore_imports"])
    assert {"wasp.rules", "wasp.engine"} <= set(BY_SOURCE["wasp.collect"]["forbidden_modules"])
    assert "wasp.collect" in BY_SOURCE["wasp.report"]["forbidden_modules"]
    assert {"wasp.engine", "wasp.rules"} <= set(BY_SOURCE["wasp.iac"]["forbidden_modules"])


def test_lint_imports_keeps_every_contract() -> None:
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout[-4000:]
    assert f"{len(CONTRACTS)} kept, 0 broken" in done.stdout


def test_each_contract_catches_a_planted_import(tmp_path: Path) -> None:
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    for rel, line in PLANTED.items():
        with (tmp_path / "src" / rel).open("a", encoding="utf-8") as f:
            f.write("\n" + line + "\n")
    done = _lint_imports(tmp_path)
    assert done.returncode != 0
    assert f"0 kept, {len(CONTRACTS)} broken" in done.stdout, done.stdout[-4000:]


def test_iac_readers_load_without_the_engine() -> None:
    code = "import sys, wasp.iac.scan, wasp.iac.terraform.hcl; print(sorted(m for m in sys.modules if m.startswith(('wasp.engine', 'wasp.rules'))))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_collectors_are_found_by_scanning_the_package() -> None:
    import importlib
    import inspect

    import wasp.collect as package
    from wasp.collect.base import Collector
    from wasp.collect.registry import COLLECTORS

    defined = set()
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"wasp.collect.{info.name}")
        defined |= {
            c
            for _, c in inspect.getmembers(module, inspect.isclass)
            if issubclass(c, Collector) and c.__module__ == module.__name__ and not inspect.isabstract(c)
        }
    assert set(COLLECTORS) == defined and len(defined) >= 38
    modules = [c.__module__ for c in COLLECTORS]
    assert modules == sorted(modules)  # repeatable order
    assert len({c.name for c in COLLECTORS}) == len(COLLECTORS)


def test_terraform_mappings_are_found_by_scanning_the_package() -> None:
    import importlib

    import wasp.iac.terraform.mappings as package
    from wasp.iac.terraform.mapping import MAIN

    tables = [
        importlib.import_module(f"{package.__name__}.{m.name}").MAPPINGS
        for m in pkgutil.iter_modules(package.__path__)
    ]
    assert len(tables) >= 4
    assert {k: v for t in tables for k, v in t.items()} == MAIN
    assert MAIN["aws_s3_bucket"][0] == "AWS::S3::Bucket" and MAIN["aws_ebs_volume"][0] == "AWS::EC2::Volume"
    assert sum(len(t) for t in tables) == len(MAIN)  # no type is mapped twice
