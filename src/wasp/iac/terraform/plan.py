"""Terraform plan JSON (``terraform show -json PLAN``): the most faithful source, every expression evaluated.

Each managed resource that the plan keeps (not deleted) is read from ``resource_changes[].change.after``.
A value Terraform knows only after apply (``after_unknown``) becomes an Unresolved marker when the
configuration sets it; a computed attribute the configuration does not set is dropped, as an unset property is
in a template. An unknown reference to another resource's ``id`` becomes that resource's address (the stand-in
the HCL reader and the CloudFormation reader use too), so a security group's instances and a bucket's policy
are found. Plan JSON carries no source lines: the ``resource`` block is looked up in the ``.tf`` files beside
the plan (local modules included); failing that, the plan file and the line of the address are given.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from wasp.errors import InputError
from wasp.iac.terraform.mapping import stand_in
from wasp.iac.terraform.model import TfResource
from wasp.iac.terraform.normalize import unresolved_attribute
from wasp.iac.terraform.skips import comment_skips
from wasp.iac.terraform.sniff import PLAN_SNIFF_BYTES as PLAN_SNIFF_BYTES
from wasp.iac.terraform.sniff import is_plan as is_plan
from wasp.iac.tree import Roots, files_in
from wasp.limits import ExpansionError, FileKind, read_text
from wasp.model import OriginKind, Unresolved

MAX_MODULE_DEPTH = 10
_TOP_LEVEL = re.compile(r"^(resource|data|module|variable|locals|output|provider|terraform)\b", re.MULTILINE)
_LINKING = re.compile(r"(^|_)(ids?|arns?|bucket|bucket_name|role|user|group|repository|url|security_groups)$")
"""Attributes that name another resource (``bucket``, ``security_group_id``...): only these take stand-ins."""
_BLOCK = re.compile(r'^\s*resource\s+"([^"]+)"\s+"([^"]+)"', re.MULTILINE)


def _map(value: Any) -> Mapping[str, Any]:
    """A plan's mapping, or an empty one where the plan has something else (a hostile or damaged plan)."""
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    """A plan's list, or an empty one where the plan has something else."""
    return value if isinstance(value, list) else []


def _configured(expr: Any) -> bool:
    """True when an expression node is a whole configured value (not a nested block's map of attributes)."""
    return isinstance(expr, Mapping) and ("references" in expr or "constant_value" in expr)


def _mark_unknown(value: Any, flags: Any, where: str, expr: Any = None) -> Any:
    """Put Unresolved where Terraform will know the value only after apply, for what the configuration sets.

    Inside a nested block, an unknown attribute the configuration does not set is a computed default: it is
    left out, as it would be from a template.
    """
    whole = expr is None or _configured(expr)
    if flags is True:
        return unresolved_attribute(where, "value")
    if isinstance(flags, Mapping):
        base = dict(value) if isinstance(value, Mapping) else {}
        for key, flag in flags.items():
            sub = None if whole else (expr.get(key) if isinstance(expr, Mapping) else None)
            if not whole and sub is None:
                if flag is True:
                    base.pop(key, None)
                continue
            base[key] = _mark_unknown(base.get(key), flag, f"{where}.{key}", sub)
        return base
    if isinstance(flags, list) and flags:
        base_list = list(value) if isinstance(value, list) else [None] * len(flags)
        for i, flag in enumerate(flags[: len(base_list)]):
            sub = expr[min(i, len(expr) - 1)] if isinstance(expr, list) and expr else None if whole else {}
            base_list[i] = _mark_unknown(base_list[i], flag, f"{where}[{i}]", sub)
        return base_list
    return value


def _configs(module: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, Mapping[str, Any], str]]:
    """(full config address, config resource, module prefix) for the module and its module calls."""
    for res in _list(module.get("resources")):
        if isinstance(res, Mapping):
            yield prefix + str(res.get("address")), res, prefix
    for name, call in _map(module.get("module_calls")).items():
        yield from _configs(_map(_map(call).get("module")), f"{prefix}module.{name}.")


def _module_dirs(
    module: Mapping[str, Any], base: Path, prefix: str, roots: Roots, depth: int = 0
) -> Iterator[tuple[str, Path]]:
    """Module folders named in the plan, inside the roots (the plan is only a help to find source lines)."""
    yield prefix, base
    calls = module.get("module_calls")
    if not isinstance(calls, Mapping) or depth >= MAX_MODULE_DEPTH:
        return
    for name, call in calls.items():
        source = str(call.get("source", "")) if isinstance(call, Mapping) else ""
        directory = Path(os.path.normpath(base / source))
        if source.startswith(".") and roots.contains(directory):
            yield from _module_dirs(
                _map(call.get("module")), directory, f"{prefix}module.{name}.", roots, depth + 1
            )


def _source_lines(directory: Path, roots: Roots) -> dict[str, tuple[str, int, list[dict[str, Any]]]]:
    """Where each ``resource`` block is written (file, line) and its inline skips, by ``type.name``."""
    out: dict[str, tuple[str, int, list[dict[str, Any]]]] = {}
    for tf in files_in(directory, "*.tf", roots, []):
        try:
            text = read_text(tf, FileKind.TERRAFORM, "Terraform file")
        except InputError:
            continue  # the plan stands on its own; the .tf files only give lines
        lines = text.splitlines()
        starts = [text.count("\n", 0, m.start()) + 1 for m in _TOP_LEVEL.finditer(text)]
        for m in _BLOCK.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            end = next((s - 1 for s in starts if s > line), len(lines))
            while end > line and "}" not in lines[end - 1]:
                end -= 1  # the block ends at its last brace; comments after it belong to the next block
            skips = comment_skips(lines, line, end)
            out.setdefault(f"{m.group(1)}.{m.group(2)}", (str(tf), line, skips))
    return out


def _reference_addresses(refs: list[str], prefix: str, managed: set[str]) -> list[str]:
    """Managed-resource addresses an expression refers to, most specific first, without duplicates."""
    out: list[str] = []
    for ref in refs:
        full = prefix + ref
        for candidate in (full, full.rsplit(".", 1)[0]):
            if candidate in managed and candidate not in out:
                out.append(candidate)
                break
    return out


def _stand_ins(
    refs: list[str], prefix: str, managed: set[str], values: Mapping[str, Mapping[str, Any]]
) -> list[Any]:
    """What references to other resources' ids stand for before apply: a bucket's name, else the address.

    Terraform lists both ``aws_x.y.id`` and ``aws_x.y``; each is answered by :func:`mapping.stand_in`, as the HCL
    reader answers it, and a reference with no stand-in leaves the value unknown.
    """
    full = [prefix + r for r in refs]
    out: list[Any] = []
    for ref in full:
        target = _reference_addresses([ref], "", managed)
        if not target:
            continue
        address = target[0]
        specific = [f for f in full if f.startswith(address + ".")]
        if ref == address and specific:
            continue
        attribute = "id" if ref == address else ref[len(address) + 1 :]
        rtype = re.sub(r"\[[^\]]*\]", "", address).split(".")[-2]
        derived = stand_in(rtype, address, values.get(address, {}), attribute)
        if derived is None:
            return []
        out.append(derived)
    return list(dict.fromkeys(out))


def load_plan(path: Path, roots: Roots | None = None, warnings: list[str] | None = None) -> list[TfResource]:
    """The resources a plan keeps; a file that is not plan JSON is one InputError naming it.

    Source lines come from ``.tf`` files beside the plan and in its local modules, inside ``roots`` only.
    """
    roots = roots or Roots.of([path])
    text = read_text(path, FileKind.PLAN, "plan")
    try:
        plan = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: cannot read the plan ({exc.msg}, column {exc.colno}); "
            "write it with `terraform show -json PLAN > FILE`"
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: cannot read the plan: it nests too deeply") from exc
    if not isinstance(plan, dict) or ("resource_changes" not in plan and "planned_values" not in plan):
        raise InputError(f"{path}:1: not a Terraform plan (no resource_changes); use `terraform show -json`")
    root = _map(_map(plan.get("configuration")).get("root_module"))
    configs = {addr: (res, prefix) for addr, res, prefix in _configs(root, "")}
    sources: dict[str, tuple[str, int, list[dict[str, Any]]]] = {}
    for prefix, directory in _module_dirs(root, path.parent, "", roots):
        sources.update({prefix + k: v for k, v in _source_lines(directory, roots).items()})
    changes = [
        c
        for c in _list(plan.get("resource_changes"))
        if isinstance(c, Mapping)
        and "address" in c
        and c.get("mode", "managed") == "managed"
        and _map(c.get("change")).get("actions") != ["delete"]
    ]
    managed = {str(c["address"]) for c in changes} | {
        re.sub(r"\[[^\]]*\]", "", str(c["address"])) for c in changes
    }
    values: dict[str, dict[str, Any]] = {}
    raw: list[tuple[Mapping[str, Any], dict[str, Any], Mapping[str, Any]]] = []
    for change in changes:
        after = dict(_map(_map(change.get("change")).get("after")))
        values[str(change["address"])] = after
        raw.append((change, after, _map(_map(change.get("change")).get("after_unknown"))))
    out: list[TfResource] = []
    address_lines: dict[str, int] | None = None
    for change, after, after_unknown in raw:
        address = str(change["address"])
        config_address = re.sub(r"\[[^\]]*\]", "", address)
        config, prefix = configs.get(config_address, ({}, ""))
        expressions: Mapping[str, Any] = _map(config.get("expressions"))
        refs = {
            attr: _reference_addresses([str(r) for r in _list(expr.get("references"))], prefix, managed)
            for attr, expr in expressions.items()
            if isinstance(expr, Mapping)
        }
        merged = dict(after)
        for attr, flag in after_unknown.items():
            if attr not in expressions:
                if flag is True:
                    merged.pop(attr, None)  # computed, not configured: as unset as in a template
                continue
            merged[attr] = _mark_unknown(after.get(attr), flag, f"{address}.{attr}", expressions[attr])
            expr = expressions[attr]
            references = [str(r) for r in _list(expr.get("references"))] if isinstance(expr, Mapping) else []
            linking = (
                _LINKING.search(attr) is not None
            )  # an id-like attribute, not a document built from refs
            stand_ins = _stand_ins(references, prefix, managed, values) if linking else []
            if stand_ins and isinstance(merged[attr], Unresolved):
                merged[attr] = stand_ins if _is_list(after_unknown, attr) else stand_ins[0]
            elif stand_ins and isinstance(merged[attr], list):
                merged[attr] = [
                    stand_ins[min(i, len(stand_ins) - 1)] if isinstance(v, Unresolved) else v
                    for i, v in enumerate(merged[attr])
                ]
        found = sources.get(config_address)
        if found is None:
            if address_lines is None:
                address_lines = _address_lines(text)
            found = (str(path), address_lines.get(address, 1), [])
        file, line, skips = found
        out.append(
            TfResource(
                type=str(change.get("type")),
                address=address,
                values=merged,
                file=file,
                line=line,
                kind=OriginKind.TERRAFORM,
                refs=refs,
                skips=skips,
            )
        )
    _fill_from_source(out, path, plan, roots, warnings)
    return out


def _fill_from_source(
    resources: list[TfResource],
    path: Path,
    plan: Mapping[str, Any],
    roots: Roots,
    warnings: list[str] | None,
) -> None:
    """Where the plan has a whole attribute unknown, take the known parts from the ``.tf`` files beside it.

    Terraform records a value built from anything unknown (``jsonencode`` of a policy naming the bucket's own
    ARN) as wholly unknown. Evaluating the same configuration with the plan's own variable values keeps the known
    statements, as scanning the HCL would. Only attributes unknown in the plan are replaced.
    """
    wanted = [
        (r, attr)
        for r in resources
        for attr, v in r.values.items()
        if isinstance(v, Unresolved) and r.refs.get(attr)
    ]
    if not wanted or not any(path.parent.glob("*.tf")):
        return
    from wasp.iac.terraform.hcl import load_hcl

    variables = {k: v.get("value") for k, v in _map(plan.get("variables")).items() if isinstance(v, Mapping)}
    try:
        evaluated, _ = load_hcl(path.parent, variables, roots=roots, warnings=warnings)
    except (InputError, ExpansionError, RecursionError) as exc:
        # the plan stands on its own; the .tf files beside it only fill in what it leaves unknown
        if warnings is not None:
            reason = str(exc) if isinstance(exc, InputError) else exc.__class__.__name__
            warnings.append(f"{path}: the .tf files beside the plan were not used ({reason})")
        return
    by_address = {r.address: r.values for r in evaluated}
    for resource, attr in wanted:
        value = by_address.get(resource.address, {}).get(attr)
        if value is not None and not isinstance(value, Unresolved):
            resource.values[attr] = value


def _is_list(after_unknown: Mapping[str, Any], attr: str) -> bool:
    return attr.endswith(("_ids", "_arns", "security_groups", "_names")) or isinstance(
        after_unknown.get(attr), list
    )


_ADDRESS = re.compile(r'"address"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _address_lines(text: str) -> dict[str, int]:
    """The line of each address's first mention in the plan, found in one pass (not one search per resource)."""
    out: dict[str, int] = {}
    line, last = 1, 0
    for m in _ADDRESS.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        try:
            address = json.loads(f'"{m.group(1)}"')
        except ValueError:
            continue
        out.setdefault(address, line)
    return out
