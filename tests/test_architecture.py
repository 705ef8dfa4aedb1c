"""The architecture contracts (pyproject's [tool.importlinter]) hold and cover every part of wasp."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import wasp

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = {
    c["name"]: c
    for c in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
}
PARTS = {f"wasp.{m.name}" for m in pkgutil.iter_modules(wasp.__path__)} - {"wasp.__main__"}


def _contract(source: str) -> dict[str, Any]:
    (found,) = [c for c in CONTRACTS.values() if c["source_modules"] == [source]]
    return found


@pytest.mark.parametrize(("source", "allowed"), [("wasp.model", set()), ("wasp.rules", {"wasp.model"})])
def test_model_and_rules_contracts_name_every_other_part(source: str, allowed: set[str]) -> None:
    forbidden = set(_contract(source)["forbidden_modules"])
    missing = PARTS - forbidden - allowed - {source}
    assert not missing, f"add {sorted(missing)} to the {source} contract in pyproject.toml"
    assert not forbidden - PARTS, f"{sorted(forbidden - PARTS)} no longer exist"


def test_the_layers_asked_for_are_contracts() -> None:
    assert {"wasp.rules", "wasp.engine"} <= set(_contract("wasp.collect")["forbidden_modules"])
    assert "wasp.collect" in _contract("wasp.report")["forbidden_modules"]
    assert {"wasp.engine", "wasp.rules"} <= set(_contract("wasp.iac")["forbidden_modules"])


def test_lint_imports_keeps_every_contract() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([exe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-4000:]
    assert f"{len(CONTRACTS)} kept, 0 broken" in done.stdout


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
