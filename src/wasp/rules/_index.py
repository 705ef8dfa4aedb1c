"""The rule index: every rule's id and metadata, generated from the rule modules and shipped as ``_index.json``.

``wasp scan`` starts from the index instead of importing all rule modules: a rule's module is imported the
first time the rule meets a resource of its type (:class:`LazyEvaluate`), so a scan of a few resource types
imports a few rules. SARIF and JSON need only the metadata, which the index holds in full.

Regenerate after adding or changing a rule: ``python -m wasp.rules._index`` (tests/test_rule_index.py fails
while the index is out of step with the modules). The index carries a digest of the rule package's sources: at
run time an index whose digest differs from the installed sources (a rule added or edited since) is not
trusted, and every rule is imported as before, so a stale index costs time, never a wrong answer.

Reading every rule source for that digest is a large part of a small scan's start, so the digest is remembered
in the user's cache folder (``$XDG_CACHE_HOME/wasp`` or ``~/.cache/wasp``, never the installed tree) under the
sources' names, sizes, modification times and inode numbers: any change to a file recomputes it. A cache that
cannot be read or written costs that time only.
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


def _sources() -> list[os.DirEntry[str]]:
    """The rule package's ``.py`` files, sorted by name."""
    return sorted(
        (e for e in os.scandir(Path(__file__).parent) if e.name.endswith(".py")), key=lambda e: e.name
    )


def source_digest(sources: list[os.DirEntry[str]] | None = None) -> str:
    """A digest of every ``.py`` file of the rule package (rules and their helpers), names and contents."""
    digest = hashlib.blake2b(digest_size=16)
    for entry in _sources() if sources is None else sources:
        digest.update(entry.name.encode() + b"\0")
        with open(entry.path, "rb") as source:
            digest.update(source.read())
    return digest.hexdigest()


def _cache_file() -> Path | None:
    """Where the digest is remembered for this copy of the rules (one file per installed folder); None without
    a home folder."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = os.path.join(Path.home(), ".cache")
        except RuntimeError:  # no HOME and no password entry: nowhere to remember it
            return None
    where = hashlib.blake2b(str(Path(__file__).parent).encode(), digest_size=8).hexdigest()
    return Path(base) / "wasp" / f"rule-sources-{where}.json"


def _stat_key(sources: list[os.DirEntry[str]]) -> str:
    """The files' names, sizes, modification times (ns) and inodes: what changes when a source does."""
    key = hashlib.blake2b(digest_size=16)
    for entry in sources:
        st = entry.stat()
        key.update(f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n".encode())
    return key.hexdigest()


def current_digest(sources: list[os.DirEntry[str]]) -> str:
    """:func:`source_digest` of the given sources, from the user's cache when their files are unchanged."""
    key = _stat_key(sources)
    cache = _cache_file()
    if cache is None:
        return source_digest(sources)
    try:
        remembered = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        remembered = None  # none yet, or unreadable: computed below
    if (
        isinstance(remembered, dict)
        and remembered.get("key") == key
        and isinstance(remembered.get("digest"), str)
    ):
        return str(remembered["digest"])
    digest = source_digest(sources)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps({"key": key, "digest": digest}), encoding="utf-8")
        partial.replace(cache)
    except OSError:  # a read-only or missing home: the digest is computed on each run, as without the cache
        return digest
    return digest


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
        sources = _sources()
        current = current_digest(sources)
    except (OSError, ValueError):
        return load_rules()
    index = doc.get("rules") if isinstance(doc, dict) and doc.get("digest") == current else None
    # the rule modules are the digested sources but the helpers (module_names(), without pkgutil's scan)
    names = sorted(e.name[:-3] for e in sources if not e.name.startswith("_"))
    if not isinstance(index, dict) or sorted(index) != names:
        return load_rules()
    return tuple(Rule(id=k, meta=meta_of(v), examples=(), evaluate=LazyEvaluate(k)) for k, v in index.items())


def main() -> None:
    """Write the index from the rule modules."""
    from wasp.rules import load_rules

    INDEX_FILE.write_text(render(build_index(load_rules()), source_digest()), encoding="utf-8")
    print(f"wrote {INDEX_FILE} ({len(load_rules())} rules)")


if __name__ == "__main__":
    main()
