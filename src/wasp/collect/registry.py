"""Every collector wasp has, by name: found by scanning this package, as rules and report formats are.

A collector is a concrete :class:`~wasp.collect.base.Collector` subclass defined in its own module of
``wasp.collect`` (``s3.py`` holds ``S3Collector``). Adding a file is all it takes; nothing here lists them.
Modules whose names start with an underscore, and helpers that define no collector, are passed over.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache

import wasp.collect as _package
from wasp.collect.base import Collector
from wasp.errors import InputError


class CollectorDefinitionError(TypeError):
    """A collector class lacks what the collector API requires, or two share a name (a bug in wasp)."""


def _defined_in(module_name: str) -> list[type[Collector]]:
    module = importlib.import_module(f"{_package.__name__}.{module_name}")
    return [
        cls
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, Collector) and cls.__module__ == module.__name__ and not inspect.isabstract(cls)
    ]


@cache
def discover() -> tuple[type[Collector], ...]:
    """Every collector class, in module-name order (so plans, permissions and messages are repeatable)."""
    found: list[type[Collector]] = []
    names = sorted(m.name for m in pkgutil.iter_modules(_package.__path__) if not m.ispkg)
    for module_name in names:
        if module_name.startswith("_") or module_name == "registry":
            continue
        found.extend(_defined_in(module_name))
    seen: dict[str, type[Collector]] = {}
    for cls in found:
        for attr in ("name", "service", "resource_types", "permissions"):
            if not hasattr(cls, attr):
                raise CollectorDefinitionError(f"collector {cls.__qualname__}: {attr} is not declared")
        if cls.name in seen:
            raise CollectorDefinitionError(
                f"collectors {seen[cls.name].__qualname__} and {cls.__qualname__} are both named {cls.name!r}"
            )
        seen[cls.name] = cls
    return tuple(found)


COLLECTORS: tuple[type[Collector], ...] = discover()
"""Every collector class (see :func:`discover`)."""


def select_collectors(names: list[str] | None = None) -> list[Collector]:
    """Instances of the named collectors (all when none are named)."""
    known = {c.name: c for c in COLLECTORS}
    if not names:
        return [c() for c in COLLECTORS]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(f"unknown collector(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    return [known[n]() for n in names]


def required_permissions(collectors: list[Collector]) -> list[str]:
    """The IAM actions the selected collectors call, sorted and unique."""
    return sorted({p for c in collectors for p in c.permissions} | {"sts:GetCallerIdentity"})
