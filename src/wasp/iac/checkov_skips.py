"""``wasp scan --honour-checkov-skips``: Checkov's own suppressions, applied to the wasp rules covering each check.

Checkov users have already written down which findings they accept, in three places:

* a comment inside a Terraform resource block: ``# checkov:skip=CKV_AWS_20:The bucket hosts a public site``
  (``//`` comments too);
* a comment inside a CloudFormation YAML resource, in the same form;
* CloudFormation metadata: ``Metadata: {checkov: {skip: [{id: CKV_AWS_20, comment: "..."}]}}``.

Each becomes a :class:`~wasp.iac.suppress.Skip` of every wasp rule whose ``META.checkov`` names that id, reported
as waived with ``checkov:skip CKV_AWS_20: <reason>``. A skip without a reason is refused (not applied, one
warning), exactly as wasp's own are. Off by default; ``--no-inline-skips`` ignores these too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from wasp.iac.suppress import Skip
from wasp.limits import FileKind, read_text
from wasp.model import Resource
from wasp.model.rule import Rule

CHECKOV_ID = re.compile(r"^CKV2?_[A-Z0-9]+_\d+$")
_COMMENT = re.compile(r"(?:#|//)\s*checkov:skip=(CKV2?_[A-Z0-9]+_\d+)(?::([^\n]*))?")
_HEREDOC = re.compile(r"<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")
Key = tuple[str, str]


def is_checkov_skip(skip: Skip) -> bool:
    """True for a skip that names a Checkov check, not a wasp rule."""
    return bool(CHECKOV_ID.match(skip.rule))


def _skip(check: str, reason: Any, file: str, line: int | None) -> Skip:
    text = str(reason).strip() if reason is not None else ""
    return Skip(check, text or None, None, file, line, via=f"checkov:skip {check}")


def metadata_skips(raw: Any, file: str, line: int | None) -> list[Skip]:
    """Skips from CloudFormation ``Metadata.checkov.skip`` (a list of ``{id, comment}``)."""
    out = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, Mapping) and isinstance(item.get("id"), str) and CHECKOV_ID.match(item["id"]):
            out.append(_skip(item["id"], item.get("comment"), file, line))
    return out


def _yaml_end(lines: list[str], start: int) -> int:
    """The last line (1-based) of the YAML mapping entry starting at ``start``: up to the next key as far left."""
    indent = len(lines[start - 1]) - len(lines[start - 1].lstrip())
    end = start
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1]
        stripped = text.lstrip()
        if not stripped or stripped.startswith("#"):
            continue  # blank lines and comments belong to the entry until something as far left follows
        if len(text) - len(stripped) <= indent:
            break
        end = number
    while end < len(lines) and (not lines[end].strip() or lines[end].lstrip().startswith("#")):
        if lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) <= indent:
            break  # a comment as far left as the key is about what follows
        end += 1
    return end


def _hcl_end(lines: list[str], start: int) -> int:
    """The line (1-based) closing the HCL block opened at ``start``: braces counted outside strings,
    comments and heredocs."""
    depth, opened = 0, False
    heredoc: str | None = None
    for number in range(start, len(lines) + 1):
        text = lines[number - 1]
        if heredoc is not None:
            if text.strip() == heredoc:
                heredoc = None
            continue
        in_string = False
        i = 0
        while i < len(text):
            ch = text[i]
            if in_string:
                if ch == "\\":
                    i += 1
                elif ch == '"':
                    in_string = False
            elif ch == '"':
                in_string = True
            elif ch == "#" or text.startswith("//", i):
                break
            elif ch == "{":
                depth, opened = depth + 1, True
            elif ch == "}":
                depth -= 1
                if opened and depth == 0:
                    return number
            i += 1
        marker = _HEREDOC.search(text)
        if marker is not None and not in_string:
            heredoc = marker.group(1)
    return len(lines)


def _block_skips(lines: list[str], file: str, start: int) -> list[Skip]:
    """``checkov:skip=`` comments inside the resource starting at ``start``."""
    if not 0 < start <= len(lines):
        return []
    end = _hcl_end(lines, start) if file.endswith(".tf") else _yaml_end(lines, start)
    out = []
    for number in range(start, end + 1):
        text = lines[number - 1]
        if "checkov:skip=" not in text:
            continue
        for match in _COMMENT.finditer(text):
            out.append(_skip(match.group(1), match.group(2), file, number))
    return out


def comment_skips(resources: Iterable[Resource]) -> dict[Key, list[Skip]]:
    """``checkov:skip=`` comments inside each resource of Terraform and CloudFormation YAML files, by
    (file, address). Each file is read once."""
    texts: dict[str, list[str]] = {}
    blocks: dict[
        tuple[str, int], list[Skip]
    ] = {}  # count/for_each instances and SAM's resources share a block
    out: dict[Key, list[Skip]] = {}
    for r in resources:
        file, line, address = r.origin.file, r.origin.line, r.origin.address
        if not file or not line or not address or file.endswith(".json"):
            continue
        if file not in texts:
            kind = FileKind.TERRAFORM if file.endswith(".tf") else FileKind.TEMPLATE
            texts[file] = read_text_lines(file, kind)
        if (file, line) not in blocks:
            blocks[(file, line)] = _block_skips(texts[file], file, line)
        found = blocks[(file, line)]
        if found:
            out.setdefault((file, address), []).extend(found)
    return out


def read_text_lines(file: str, kind: FileKind) -> list[str]:
    """A file's lines (within its cap: it was just read as a source)."""
    from pathlib import Path

    return read_text(Path(file), kind, "file").splitlines()


def _for_rule(rule: Rule, named: Mapping[str, Skip], where: str) -> Skip | str | None:
    """The skip of one rule from the Checkov skips on a resource, a warning when they name only some of the
    checks the rule covers (skipping SSH alone must not waive an all-ports finding), or None."""
    mine = [c for c in rule.meta.checkov if c in named]
    if not mine:
        return None
    missing = [c for c in rule.meta.checkov if c not in named]
    if missing:
        return (
            f"{where}: checkov:skip={', '.join(mine)} covers only part of {rule.id} (which also checks "
            f"{', '.join(missing)}): not applied; skip those too, or write a wasp:skip for {rule.id}"
        )
    first = named[mine[0]]
    reasons = [named[c].reason for c in mine]
    reason = None if not all(reasons) else str(first.reason)
    return Skip(rule.id, reason, None, first.file, first.line, via=f"checkov:skip {', '.join(mine)}")


def for_rules(
    skips: Mapping[Key, list[Skip]],
    rules: Iterable[Rule],
    honour: bool,
    resources: Iterable[Resource] = (),
    warnings: list[str] | None = None,
) -> dict[Key, list[Skip]]:
    """The skips to apply: wasp's own as they are and, when ``honour`` is set, the Checkov skips (metadata given
    in ``skips``, comments found in ``resources``) as skips of the rules covering the checks. A rule is waived
    only when every check it covers is skipped on that resource (one warning otherwise), and only with a
    reason for each."""
    rules = list(rules)
    merged: dict[Key, list[Skip]] = {}
    found = comment_skips(resources) if honour else {}
    for key in sorted({*skips, *found}):
        named: dict[str, Skip] = {}
        for skip in [*skips.get(key, []), *found.get(key, [])]:
            if not is_checkov_skip(skip):
                merged.setdefault(key, []).append(skip)
            elif honour:
                named.setdefault(skip.rule, skip)
        if not named:
            continue
        first = next(iter(named.values()))
        for rule in rules:
            outcome = _for_rule(rule, named, f"{first.file}:{first.line or '?'}")
            if isinstance(outcome, Skip):
                merged.setdefault(key, []).append(outcome)
            elif outcome is not None and warnings is not None:
                warnings.append(outcome)
    return merged
