"""The rule index: every rule's id and metadata, generated from the rule modules and shipped as ``_index.json``.

``wasp scan`` starts from the index instead of importing all rule modules: a rule's module is imported the
first time the rule meets a resource of its type (:class:`LazyEvaluate`), so a scan of a few resource types
imports a few rules. SARIF and JSON need only the metadata, which the index holds in full.

Regenerate after adding or changing a rule: ``python -m wasp.rules._index`` (tests/test_rule_index.py fails
while the index is out of step with the modules). The index carries a digest of the rule package's sources: at
run time an index whose digest differs from the installed sources (a rule added or edited since) is not
trusted, and every rule is imported as before, so a stale index costs time, never a wrong answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import pkgutil
from collections.abc import Iterable
from dataclasses import asdict, fields
from functools import cache
from pathlib import Path
from typing import Any

from wasp.model.rule import Remediation, ResourceView, Rule, RuleContext, RuleMeta, Verdict
from wasp.model.status import Severity

INDEX_FILE = Path(__file__).with_name("_index.json")
_TUPLES = frozenset(f.name for f in fields(RuleMeta) if f.type == "tuple[str, ...]")


def meta_dict(meta: RuleMeta) -> dict[str, Any]:
    """A rule's metadata as JSON-ready data (tuples become lists, the severity its value)."""
    data = asdict(meta)
    data["severity"] = meta.severity.value
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


def meta_of(data: dict[str, Any]) -> RuleMeta:
    """The metadata :func:`meta_dict` wrote, rebuilt."""
    values: dict[str, Any] = {k: tuple(v) if k in _TUPLES else v for k, v in data.items()}
    values["severity"] = Severity(data["severity"])
    values["remediation"] = Remediation(**data["remediation"])
    return RuleMeta(**values)


def build_index(rules: Iterable[Rule]) -> dict[str, dict[str, Any]]:
    """Rule id -> metadata for the given (eagerly loaded) rules, sorted by id."""
    return {r.id: meta_dict(r.meta) for r in sorted(rules, key=lambda r: r.id)}


def source_digest() -> str:
    """A digest of every ``.py`` file of the rule package (rules and their helpers), names and contents."""
    digest = hashlib.blake2b(digest_size=16)
    folder = Path(__file__).parent
    for name in sorted(e.name for e in os.scandir(folder) if e.name.endswith(".py")):
        digest.update(name.encode() + b"\0")
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def render(index: dict[str, dict[str, Any]], digest: str) -> str:
    """The index file's text (stable: one rule per line, keys sorted)."""
    lines = [f"{json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in index.items()]
    return f'{{"digest": {json.dumps(digest)},\n"rules": {{\n' + ",\n".join(lines) + "\n}}\n"


class LazyEvaluate:
    """A rule's ``evaluate``, importing (and checking) the rule's module on the first call."""

    __slots__ = ("_fn", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self._fn: Any = None

    def __call__(self, view: ResourceView, ctx: RuleContext) -> Verdict | None:
        """Evaluate the rule on one resource."""
        if self._fn is None:
            from wasp.rules import _load  # the module's shape is checked as the eager loader checks it

            self._fn = _load(self.name).evaluate
        result: Verdict | None = self._fn(view, ctx)
        return result


def module_names() -> list[str]:
    """The rule modules installed, sorted (helpers, whose names start with ``_``, are not rules)."""
    import wasp.rules

    return sorted(
        m.name
        for m in pkgutil.iter_modules(wasp.rules.__path__)
        if not m.name.startswith("_") and not m.ispkg
    )


@cache
def indexed_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by id, with metadata from the index and ``evaluate`` imported on first use.

    Their ``examples`` are empty (the examples live in the modules; use :func:`wasp.rules.load_rules` for
    them). An index missing, unreadable, made from other sources than those installed or naming other modules
    gives the eager rules.
    """
    from wasp.rules import load_rules

    try:
        doc = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
        current = source_digest()
    except (OSError, ValueError):
        return load_rules()
    index = doc.get("rules") if isinstance(doc, dict) and doc.get("digest") == current else None
    if not isinstance(index, dict) or sorted(index) != module_names():
        return load_rules()
    return tuple(Rule(id=k, meta=meta_of(v), examples=(), evaluate=LazyEvaluate(k)) for k, v in index.items())


def main() -> None:
    """Write the index from the rule modules."""
    from wasp.rules import load_rules

    INDEX_FILE.write_text(render(build_index(load_rules()), source_digest()), encoding="utf-8")
    print(f"wrote {INDEX_FILE} ({len(load_rules())} rules)")


if __name__ == "__main__":
    main()
