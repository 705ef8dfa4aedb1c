"""Rules: one module per rule, each with META, EXAMPLES and a pure evaluate(view, ctx).

Modules whose names start with an underscore are helpers, not rules.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from wasp.model.rule import Example, Rule, RuleMeta


class RuleDefinitionError(TypeError):
    """A rule module does not have the shape the rule API requires (a bug in wasp)."""


def _load(name: str) -> Rule:
    module = importlib.import_module(f"{__name__}.{name}")
    meta = getattr(module, "META", None)
    examples = getattr(module, "EXAMPLES", None)
    evaluate = getattr(module, "evaluate", None)
    if not isinstance(meta, RuleMeta):
        raise RuleDefinitionError(f"rule {name}: META must be a RuleMeta")
    if not isinstance(examples, tuple) or not all(isinstance(e, Example) for e in examples):
        raise RuleDefinitionError(f"rule {name}: EXAMPLES must be a tuple of Example")
    if not callable(evaluate):
        raise RuleDefinitionError(f"rule {name}: evaluate() is missing")
    return Rule(id=name, meta=meta, examples=examples, evaluate=evaluate)


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule shipped with wasp, sorted by id."""
    names = sorted(
        m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_") and not m.ispkg
    )
    return tuple(_load(n) for n in names)
