"""Packaging: the locks agree with pyproject's ranges, extras stay optional, a missing extra is one line."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from wasp.extras import MissingExtra

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCKS = {"core": (), "demo": ("demo",), "dev": ("dev",)}


def _pins(lock: str) -> dict[str, Version]:
    """Name -> pinned version for this interpreter (a universal lock may pin per Python version)."""
    pins: dict[str, Version] = {}
    for line in (ROOT / "requirements" / f"{lock}.lock").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith((" ", "#")):
            continue
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate():
            (spec,) = req.specifier
            assert spec.operator == "==", f"{lock}.lock: {line} is not an exact pin"
            pins[canonicalize_name(req.name)] = Version(spec.version)
    return pins


def _wanted(extras: tuple[str, ...]) -> list[Requirement]:
    """The requirements pyproject states for the core plus these extras (self-references expanded)."""
    reqs = [Requirement(r) for r in PROJECT["dependencies"]]
    todo, seen = list(extras), set[str]()
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for text in PROJECT["optional-dependencies"][extra]:
            req = Requirement(text)
            if canonicalize_name(req.name) == "wasp":
                todo.extend(req.extras)
            else:
                reqs.append(req)
    return reqs


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_each_lock_pins_every_requirement_inside_its_range(lock: str) -> None:
    pins = _pins(lock)
    for req in _wanted(LOCKS[lock]):
        if req.marker is not None and not req.marker.evaluate():
            continue
        name = canonicalize_name(req.name)
        assert name in pins, f"{lock}.lock lacks {req.name}: run `make lock`"
        assert pins[name] in req.specifier, f"{lock}.lock pins {name}=={pins[name]} outside {req.specifier}"


def test_core_lock_holds_no_optional_part() -> None:
    core = _pins("core")
    for heavy in (
        "weasyprint",
        "matplotlib",
        "moto",
        "psycopg",
        "typer",
        "cfn-lint",
        "py-ocsf-models",
        "pytest",
        "distributed",
    ):
        assert heavy not in core, f"{heavy} is in the core install"


def test_every_range_has_an_upper_bound() -> None:
    for text in PROJECT["dependencies"] + [r for rs in PROJECT["optional-dependencies"].values() for r in rs]:
        req = Requirement(text)
        if canonicalize_name(req.name) == "wasp" or req.name == "types-PyYAML":
            continue
        assert any(s.operator == "<" for s in req.specifier), f"{text} has no upper bound"
        assert any(s.operator == ">=" for s in req.specifier), f"{text} has no lower bound"


def test_extras_are_the_documented_ones() -> None:
    from wasp.extras import EXTRAS

    assert set(EXTRAS) <= set(PROJECT["optional-dependencies"])
    assert {"pdf", "postgres", "charts", "demo", "dask", "serve", "oidc", "all", "dev"} == set(
        PROJECT["optional-dependencies"]
    )


def test_demo_without_moto_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from wasp.demo.run import emulated_account

    monkeypatch.setitem(sys.modules, "moto", None)  # as if wasp[demo] were not installed
    with pytest.raises(MissingExtra, match=r"pip install 'wasp\[demo\]'"), emulated_account():
        pass
