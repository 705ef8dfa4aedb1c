"""The mapping index: which module of :mod:`wasp.iac.terraform.mappings` maps (or folds) each ``aws_*`` type,
generated from the modules and shipped as ``mappings/_index.json``.

A Terraform scan then imports the mapping modules of the types it meets, not all of them (a third of a small
scan's Terraform start-up). Regenerate after adding or changing a mapping module:
``python -m wasp.iac.terraform.mapping_index`` (tests/test_terraform_mapping_index.py fails while the index is
out of step). As with the rule index, the file carries a digest of the package's sources: an index made from
other sources (a module added or edited since) is not trusted and every module is imported as before, so a
stale index costs time, never a wrong mapping.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any

from wasp.iac.terraform import mappings

INDEX_FILE = Path(mappings.__file__).with_name("_index.json")

Index = tuple[dict[str, str], dict[str, list[str]]]
"""(Terraform type -> the module mapping it, Terraform type -> the modules declaring folds for it, in name
order)."""


def module_names() -> list[str]:
    """The mapping modules, in name order (names starting with ``_`` are not mapping modules)."""
    infos = pkgutil.iter_modules(mappings.__path__)
    return sorted(m.name for m in infos if not m.name.startswith("_") and not m.ispkg)


def source_digest() -> str:
    """A digest of every ``.py`` file of the mappings package, names and contents."""
    digest = hashlib.blake2b(digest_size=16)
    folder = Path(mappings.__file__).parent
    for name in sorted(e.name for e in os.scandir(folder) if e.name.endswith(".py")):
        digest.update(name.encode() + b"\0")
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def build() -> Index:
    """The index of the installed modules, read by importing every one of them."""
    where: dict[str, str] = {}
    folds: dict[str, list[str]] = {}
    for name in module_names():
        module = importlib.import_module(f"{mappings.__name__}.{name}")
        where.update(dict.fromkeys(getattr(module, "MAPPINGS", {}), name))
        for tf_type in getattr(module, "FOLDS", {}):
            folds.setdefault(tf_type, []).append(name)
    return dict(sorted(where.items())), dict(sorted(folds.items()))


def render(index: Index, digest: str) -> str:
    """The index file's text (stable: sorted, one entry per line)."""
    where, folds = index
    lines = ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in where.items())
    fold_lines = ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in folds.items())
    return (
        f'{{"digest": {json.dumps(digest)},\n"mappings": {{\n{lines}\n}},\n"folds": {{\n{fold_lines}\n}}}}\n'
    )


def _valid(doc: Any) -> Index | None:
    """The index in a loaded document, or None when it is not in the shape :func:`render` writes."""
    if not isinstance(doc, dict):
        return None
    where, folds = doc.get("mappings"), doc.get("folds")
    if not isinstance(where, dict) or not isinstance(folds, dict):
        return None
    names = set(module_names())
    if not all(isinstance(m, str) and m in names for m in where.values()):
        return None
    if not all(isinstance(ms, list) and all(m in names for m in ms) for ms in folds.values()):
        return None
    return where, folds


@cache
def trusted_index() -> Index | None:
    """The shipped index when it was made from the installed sources; None otherwise (import them all)."""
    try:
        doc = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
        current = source_digest()
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("digest") != current:
        return None
    return _valid(doc)


def main() -> None:
    """Write the index from the mapping modules."""
    from wasp.iac.terraform.mapping import discover

    discover()  # refuses a module without MAPPINGS, or a type mapped in two modules
    index = build()
    INDEX_FILE.write_text(render(index, source_digest()), encoding="utf-8")
    print(f"wrote {INDEX_FILE} ({len(index[0])} mapped types, {len(index[1])} folded types)")


if __name__ == "__main__":
    main()
