"""Every fixer, by the rule it fixes."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from wasp.remediate.base import Fixer


@cache
def fixers() -> dict[str, Fixer]:
    """Rule id -> fixer."""
    from wasp.remediate import fixers as package

    out: dict[str, Fixer] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        fixer: Fixer = importlib.import_module(f"{package.__name__}.{info.name}").FIXER
        out[fixer.rule] = fixer
    return out
