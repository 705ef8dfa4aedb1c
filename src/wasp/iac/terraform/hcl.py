"""Terraform HCL (a root module folder and the local modules it calls) into Terraform resources.

tree-sitter's HCL grammar parses each ``.tf`` file (:mod:`wasp.iac.terraform.syntax`);
:mod:`wasp.iac.terraform.expressions` evaluates. Variables take their
value from ``-var`` over ``--var-file`` over ``*.auto.tfvars`` over ``terraform.tfvars`` over the default; a
variable with none is unknown. Locals, resource references and module outputs are evaluated on demand (a cycle
is reported, not followed). ``count`` and ``for_each`` expand instances (count 0 means none); ``dynamic``
blocks expand; ``data "aws_iam_policy_document"`` is evaluated to its JSON, other data sources are unknown.
Local modules (``source = "./..."``) are followed with their inputs; others are named, not fetched.
Everything iterates in a fixed order, so the result does not depend on ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from wasp.errors import InputError
from wasp.iac.terraform.expressions import Evaluator, MapRef, Ref, _trees, name_of
from wasp.iac.terraform.functions import to_text
from wasp.iac.terraform.lookups import lookup_resources
from wasp.iac.terraform.mapping import stand_in
from wasp.iac.terraform.model import TfResource
from wasp.iac.terraform.policy_document import policy_document
from wasp.iac.terraform.providers import provider_resources
from wasp.iac.terraform.skips import comment_skips
from wasp.iac.terraform.syntax import Tree, parse_expression, parse_file
from wasp.iac.tree import Roots, files_in
from wasp.limits import MAX_DEPTH, Budget, ExpansionError, FileKind, read_text
from wasp.model import OriginKind, Unresolved

META_ARGUMENTS = {"count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"}
MAX_MODULE_DEPTH = 10
MAX_INSTANCES = 10_000
"""Instances one resource block may expand to (count or for_each); more is reported, not expanded."""


@dataclass
class _Block:
    kind: str
    labels: list[str]
    body: Tree
    file: Path
    line: int
    end_line: int


def first_line(node: Any) -> int:
    """The line of the first token under a node."""
    while isinstance(node, Tree) and node.children:
        node = node.children[0]
    return int(getattr(node, "line", 0) or 0)


def last_line(node: Any) -> int:
    """The line of the last token under a node."""
    while isinstance(node, Tree) and node.children:
        node = node.children[-1]
    return int(getattr(node, "end_line", None) or getattr(node, "line", 0) or 0)


_NESTING_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|//[^\n]*|/\*.*?\*/|[\[\](){}]', re.DOTALL)


_QUOTED_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|//[^\n]*|/\*.*?\*/', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\](){}]+")


def _deepest(text: str) -> int:
    """How deep brackets nest outside strings and comments, as :func:`_check_nesting` counts it (no bracket
    can start a string or comment, so removing those first leaves the same brackets), at C speed but for
    one step per bracket."""
    brackets = _NOT_BRACKETS.sub("", _QUOTED_OR_COMMENT.sub("", text))
    steps = (1 if c in "[({" else -1 for c in brackets)
    return max(accumulate(steps, lambda depth, step: max(0, depth + step), initial=0))


def _check_nesting(text: str, path: Path) -> None:
    """Refuse brackets nested deeper than MAX_DEPTH before parsing (a clear line, not a RecursionError later)."""
    if _deepest(text) <= MAX_DEPTH:  # the usual case; the walk below finds where it goes too deep
        return
    depth = 0
    for m in _NESTING_TOKENS.finditer(text):
        token = m.group(0)
        if token in "[({":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                column = m.start() - text.rfind("\n", 0, m.start())
                raise InputError(
                    f"{path}:{line}: nests more than {MAX_DEPTH} levels deep (column {column}); flatten it"
                )
        elif token in "])}":
            depth = max(0, depth - 1)


def _parse(text: str, path: Path) -> Tree:
    _check_nesting(text, path)
    return parse_file(text, path)


def _blocks(body: Tree, path: Path) -> list[_Block]:
    out = []
    for node in _trees(body):
        if node.data != "block":
            continue
        parts = _trees(node)
        labels = [name_of(p) for p in parts[:-1]]
        out.append(_Block(labels[0], labels[1:], parts[-1], path, first_line(node), last_line(node)))
    return out


def _attributes(body: Tree) -> dict[str, Tree]:
    return {name_of(_trees(n)[0]): _trees(n)[-1] for n in _trees(body) if n.data == "attribute"}


@dataclass
class Module:
    """One module folder being evaluated, with its inputs."""

    directory: Path
    address: str
    inputs: dict[str, Any]
    depth: int = 0
    blocks: list[_Block] = field(default_factory=list)
    lines: dict[Path, list[str]] = field(default_factory=dict)
    locals_: dict[str, tuple[Tree, _Block]] = field(default_factory=dict)
    local_values: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, _Block] = field(default_factory=dict)
    instances: dict[str, list[TfResource]] = field(default_factory=dict)
    modules: dict[str, Module | None] = field(default_factory=dict)
    busy: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    roots: Roots | None = None
    """The folders modules may be read from (by default the root module's own)."""
    budget: Budget = field(default_factory=Budget)
    """What evaluating the whole configuration may produce (shared with the modules it calls)."""
    warnings: list[str] = field(default_factory=list)
    names: dict[str, Any] | None = None
    ref_frames: list[list[str]] = field(default_factory=list)
    """One frame per attribute being evaluated: the resource addresses its expression names."""
    region: str | None = None
    """The region the configuration deploys to (``--region``); None leaves ``data.aws_region`` unresolved."""

    def record(self, address: str) -> None:
        """Note that the attribute being evaluated refers to ``address`` (how split resources find their parent)."""
        if self.ref_frames:
            self.ref_frames[-1].append(address)

    def load(self) -> None:
        """Parse every ``.tf`` file of the folder (sorted)."""
        if self.roots is None:
            self.roots = Roots.of([self.directory])
        for path in files_in(self.directory, "*.tf", self.roots, self.warnings):
            text = read_text(path, FileKind.TERRAFORM, "Terraform file")
            self.lines[path] = text.splitlines()
            self.blocks.extend(_blocks(_trees(_parse(text, path))[0], path))
        for block in self.blocks:
            if block.kind == "locals":
                for name, expr in _attributes(block.body).items():
                    self.locals_[name] = (expr, block)
            elif block.kind in ("resource", "data") and len(block.labels) == 2:
                key = f"{'data.' if block.kind == 'data' else ''}{block.labels[0]}.{block.labels[1]}"
                first = self.resources.get(key)
                if first is not None:
                    self.errors.append(
                        f"{block.file}:{block.line}: {self.address}{key} is declared twice "
                        f"(first at {first.file}:{first.line}); the first is read"
                    )
                    continue
                self.resources[key] = block

    # -- names visible to expressions ------------------------------------------------------------------

    def scope(self) -> Evaluator:
        """An evaluator with this module's names bound (the names are built once per module)."""
        if self.names is None:
            names: dict[str, Any] = {
                "var": MapRef("var", self.variable),
                "local": MapRef("local", self.local),
                "module": MapRef("module", self.module_output),
                "data": MapRef("data", self._data_lookup),
                "path": MapRef("path", self._path),
                "terraform": MapRef("terraform", lambda n: "default" if n == "workspace" else Unresolved(n)),
            }
            for key in sorted({k.split(".")[0] for k in self.resources if not k.startswith("data.")}):
                names[key] = MapRef(key, self._type_lookup(key))
            self.names = names
        return Evaluator(self.names, parse_expression, self.budget)

    def _data_lookup(self, rtype: str) -> MapRef:
        if rtype == "aws_region" and self.region is not None:
            return MapRef("data.aws_region", self._region_data)
        return MapRef(f"data.{rtype}", lambda name: self.resource_ref(f"data.{rtype}.{name}"))

    def _region_data(self, name: str) -> Any:
        """``data.aws_region.NAME`` when ``--region`` says where the configuration deploys."""
        if f"data.aws_region.{name}" not in self.resources:
            return Unresolved(f"data.aws_region.{name} is not declared")
        region = str(self.region)
        return {"name": region, "id": region, "region": region}

    def _path(self, name: str) -> Any:
        return str(self.directory) if name in ("module", "root", "cwd") else Unresolved(f"path.{name}")

    def _type_lookup(self, rtype: str) -> Callable[[str], Any]:
        return lambda name: self.resource_ref(f"{rtype}.{name}")

    def variable(self, name: str) -> Any:
        """A variable's value: input, else default, else unknown."""
        if name in self.inputs:
            return self.inputs[name]
        for block in self.blocks:
            if block.kind == "variable" and block.labels == [name]:
                default = _attributes(block.body).get("default")
                if default is not None:
                    return self.scope().value(default)
                return Unresolved(f"variable {name} has no value (give -var or a .tfvars file)")
        return Unresolved(f"variable {name} is not declared")

    def local(self, name: str) -> Any:
        """A local value, evaluated once."""
        if name in self.local_values:
            return self.local_values[name]
        if name not in self.locals_:
            return Unresolved(f"local.{name} is not defined")
        if f"local.{name}" in self.busy:
            expr, block = self.locals_[name]
            self.errors.append(f"{block.file}:{first_line(expr)}: local.{name} refers to itself (a cycle)")
            return Unresolved(f"local.{name} refers to itself")
        self.busy.add(f"local.{name}")
        try:
            value = self.scope().value(self.locals_[name][0])
        except ExpansionError as exc:
            expr, block = self.locals_[name]
            raise InputError(f"{block.file}:{first_line(expr)}: local.{name}: {exc.describe()}") from exc
        finally:
            self.busy.discard(f"local.{name}")
        self.local_values[name] = value
        return value

    def resource_ref(self, key: str) -> Any:
        """A reference to a resource (or data source) of this module."""
        if key not in self.resources:
            return Unresolved(f"{key} is not declared")
        return _ResourceRef(self, key, None)

    def module_output(self, name: str) -> Any:
        """``module.NAME``: its outputs (a module that is not local has only unknown outputs)."""
        module = self.child_module(name)
        if module is None:
            return MapRef(f"module.{name}", lambda o: Unresolved(f"module.{name}.{o} (module not read)"))
        return MapRef(f"module.{name}", module.output)

    def output(self, name: str) -> Any:
        """An output value of this module."""
        for block in self.blocks:
            if block.kind == "output" and block.labels == [name]:
                expr = _attributes(block.body).get("value")
                return self.scope().value(expr) if expr is not None else None
        return Unresolved(f"output {name} is not declared")

    # -- modules and resources -------------------------------------------------------------------------

    def child_module(self, name: str) -> Module | None:
        """The local module a ``module`` block calls, loaded with its inputs (None when not local)."""
        if name in self.modules:
            return self.modules[name]
        self.modules[name] = None
        block = next((b for b in self.blocks if b.kind == "module" and b.labels == [name]), None)
        if block is None:
            return None
        attrs = _attributes(block.body)
        scope = self.scope()
        source = scope.value(attrs["source"]) if "source" in attrs else None
        if not isinstance(source, str) or not source.startswith(".") or self.depth >= MAX_MODULE_DEPTH:
            return None
        if "count" in attrs and scope.value(attrs["count"]) == 0:
            return None
        directory = Path(os.path.normpath(self.directory / source))
        if self.roots is not None and not self.roots.contains(directory):
            self.warnings.append(
                f"{block.file}:{block.line}: module {name}: its source leaves the scanned folders; not read "
                "(scan a folder that holds both)"
            )
            return None
        if not directory.is_dir():
            self.errors.append(f"{block.file}:{block.line}: module {name}: no folder {source}")
            return None
        inputs = {
            k: scope.value(v) for k, v in attrs.items() if k not in {"source", "version", *META_ARGUMENTS}
        }
        module = Module(
            directory,
            f"{self.address}module.{name}.",
            inputs,
            self.depth + 1,
            roots=self.roots,
            budget=self.budget,
            warnings=self.warnings,
            region=self.region,
        )
        module.load()
        self.modules[name] = module
        return module

    def instances_of(self, key: str) -> list[TfResource]:
        """The evaluated instances of one resource block (count/for_each expanded; count 0 is none)."""
        if key in self.instances:
            return self.instances[key]
        if key in self.busy:
            block = self.resources[key]
            self.errors.append(f"{block.file}:{block.line}: {key} refers to itself (a cycle)")
            return []
        self.busy.add(key)
        block = self.resources[key]
        try:
            self.instances[key] = self._evaluate_resource(key, block)
        except _EVALUATION_ERRORS as exc:
            self.errors.append(
                f"{block.file}:{block.line}: {self.address}{key} cannot be evaluated ({_reason(exc)})"
            )
            self.instances[key] = []
        except ExpansionError as exc:
            raise InputError(f"{block.file}:{block.line}: {self.address}{key}: {exc.describe()}") from exc
        finally:
            self.busy.discard(key)
        return self.instances[key]

    def _evaluate_resource(self, key: str, block: _Block) -> list[TfResource]:
        attrs = _attributes(block.body)
        scope = self.scope()
        address = self.address + key
        expansions: list[tuple[str, dict[str, Any]]] = [(address, {})]
        if "count" in attrs:
            count = scope.value(attrs["count"])
            if isinstance(count, Unresolved):
                expansions = [(f"{address}[0]", {"count": {"index": 0}})]
            else:
                expansions = [
                    (f"{address}[{i}]", {"count": {"index": i}}) for i in range(_whole_number(count))
                ]
        elif "for_each" in attrs:
            each = scope.value(attrs["for_each"])
            if isinstance(each, Unresolved):
                expansions = [(f'{address}["?"]', {"each": {"key": each, "value": each}})]
            else:
                expansions = [
                    (f'{address}["{k}"]', {"each": {"key": k, "value": v}})
                    for k, v in _expansions(_each(each))
                ]
        out = []
        skips = comment_skips(self.lines.get(block.file, []), block.line, block.end_line)
        for instance_address, bound in expansions:
            ev = scope.child(**bound)
            values, refs = _body_values(block.body, ev, self)
            if block.kind == "data" and block.labels[0] == "aws_iam_policy_document":
                values["json"] = values["minified_json"] = policy_document(values)
            out.append(
                TfResource(
                    type=block.labels[0],
                    address=instance_address,
                    values=values,
                    file=str(block.file),
                    line=block.line,
                    kind=OriginKind.TERRAFORM,
                    refs=refs,
                    skips=skips,
                )
            )
        return out

    def all_resources(self) -> list[TfResource]:
        """Every managed resource instance of this module and the local modules it calls."""
        out: list[TfResource] = []
        for key in self.resources:
            if not key.startswith("data."):
                out.extend(self.instances_of(key))
        out.extend(provider_resources(self))
        out.extend(lookup_resources(self))
        for block in self.blocks:
            if block.kind == "module" and block.labels:
                module = self.child_module(block.labels[0])
                if module is not None:
                    out.extend(module.all_resources())
                    self.errors.extend(module.errors)
        return out


_EVALUATION_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)
"""What a malformed configuration can raise while evaluated; each becomes one line naming the block."""


class _Refused(ValueError):
    """A value wasp will not expand; its message is wasp's own words (no text from the file)."""


def _reason(exc: Exception) -> str:
    """Why a block could not be evaluated: wasp's own message, else only the kind of error."""
    return str(exc) if isinstance(exc, _Refused) else f"{exc.__class__.__name__}; --debug shows where"


def _each(value: Any) -> list[tuple[str, Any]]:
    """for_each pairs: a map by key, a set of strings (as Terraform sets them, each value its own key)."""
    if isinstance(value, Mapping):
        return sorted((str(k), v) for k, v in value.items())
    if isinstance(value, list) and all(isinstance(v, str | int | float | bool) for v in value):
        keys = [to_text(v) for v in value]
        return [(k, k) for k in sorted(set(keys))]
    if value is None:
        return []
    raise _Refused(f"for_each must be a map or a set of strings, not {type(value).__name__}")


def _expansions(pairs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    if len(pairs) > MAX_INSTANCES:
        raise _Refused(
            f"for_each of {len(pairs):,} is more than the {MAX_INSTANCES:,} instances wasp expands"
        )
    return pairs


def _whole_number(value: Any) -> int:
    """A count: a whole number (Terraform accepts "2"); anything else is an error naming the value."""
    try:
        number = float(value if value is not None else 0)
    except (TypeError, ValueError):
        raise _Refused(f"count must be a whole number, not a {type(value).__name__}") from None
    if number < 0 or number != int(number):
        raise _Refused("count must be a whole number of 0 or more")
    if number > MAX_INSTANCES:
        raise _Refused(f"count {int(number):,} is more than the {MAX_INSTANCES:,} instances wasp expands")
    return int(number)


def _instance_key(address: str) -> int | str | None:
    """The instance key an address ends with (``[2]`` is 2, ``["a"]`` is "a"); None without one."""
    if not address.endswith("]"):
        return None
    key = address[address.rfind("[") + 1 : -1]
    return key[1:-1] if key.startswith('"') else int(key) if key.isdigit() else None


class _ResourceRef(Ref):
    """``aws_s3_bucket.logs`` (and ``[0]``/``["k"]``): configured attributes, ids as stand-ins."""

    def __init__(self, module: Module, key: str, index: Any) -> None:
        self.module, self.key, self.index_key = module, key, index

    def __repr__(self) -> str:
        return self.module.address + self.key

    def _instance(self) -> TfResource | None:
        instances = self.module.instances_of(self.key)
        if self.index_key is None:
            return instances[0] if len(instances) == 1 else None
        suffix = f"[{self.index_key}]" if isinstance(self.index_key, int) else f'["{self.index_key}"]'
        return next((i for i in instances if i.address.endswith(suffix)), None)

    def index(self, key: Any) -> Any:
        """``[key]`` of a counted or for_each resource."""
        if isinstance(key, Unresolved):
            return key
        return _ResourceRef(self.module, self.key, key)

    def splat(self) -> list[Any]:
        """``aws_x.y[*]`` of a counted resource: each instance, in order (one that is not counted is itself)."""
        if self.index_key is not None:
            return [self]
        keys = [_instance_key(i.address) for i in self.module.instances_of(self.key)]
        if not keys or any(k is None for k in keys):
            return [self]
        return [_ResourceRef(self.module, self.key, k) for k in keys]

    def attr(self, name: str) -> Any:
        """A configured value, a stand-in for ``id``, or unknown until apply."""
        instance = self._instance()
        address = instance.address if instance is not None else repr(self)
        self.module.record(address)
        if instance is None:
            return Unresolved(f"{address}.{name} is known only after apply")
        derived = stand_in(instance.type, instance.address, instance.values, name)
        if derived is not None:
            return derived
        value = instance.values.get(name)
        return value if value is not None else Unresolved(f"{address}.{name} is known only after apply")


def _body_values(
    body: Tree, ev: Evaluator, module: Module, *, top: bool = True
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Attributes and nested blocks (``dynamic`` expanded) in Terraform's shape, and each attribute's refs.

    Meta-arguments are dropped only at the top: a nested ``provider`` block (an EKS cluster's
    ``encryption_config``) is configuration."""
    skip = META_ARGUMENTS if top else frozenset()
    values: dict[str, Any] = {}
    refs: dict[str, list[str]] = {}
    for node in _trees(body):
        if node.data == "attribute":
            name = name_of(_trees(node)[0])
            if name in skip:
                continue
            module.ref_frames.append([])
            try:
                values[name] = ev.value(_trees(node)[-1])
            finally:
                refs[name] = list(dict.fromkeys(module.ref_frames.pop()))
        elif node.data == "block":
            parts = _trees(node)
            kind = name_of(parts[0])
            if kind in skip:
                continue
            if kind == "dynamic" and len(parts) == 3:
                label = name_of(parts[1])
                values.setdefault(label, []).extend(_dynamic(label, parts[-1], ev, module))
            else:
                nested, _ = _body_values(parts[-1], ev, module, top=False)
                values.setdefault(kind, []).append(nested)
    return values, refs


def _dynamic(label: str, body: Tree, ev: Evaluator, module: Module) -> list[Any]:
    attrs = _attributes(body)
    content = next((b for b in _blocks(body, Path()) if b.kind == "content"), None)
    if content is None or "for_each" not in attrs:
        return []
    iterator = name_of(attrs["iterator"]) if "iterator" in attrs else label
    source = ev.value(attrs["for_each"])
    if isinstance(source, Unresolved):
        return [{"__unknown__": source}]
    pairs = sorted(source.items()) if isinstance(source, Mapping) else list(enumerate(source or []))
    return [
        _body_values(content.body, ev.child(**{iterator: {"key": k, "value": v}}), module, top=False)[0]
        for k, v in pairs
    ]


def load_hcl(
    directory: Path,
    variables: Mapping[str, Any] | None = None,
    var_files: list[Path] | None = None,
    roots: Roots | None = None,
    budget: Budget | None = None,
    warnings: list[str] | None = None,
    region: str | None = None,
) -> tuple[list[TfResource], list[str]]:
    """Evaluate the root module in ``directory``: its resources and any errors found (file:line each).

    Files and modules are read only inside ``roots`` (by default ``directory``); what is skipped goes to
    ``warnings``. ``budget`` bounds what evaluation may produce (ExpansionError past it). ``region`` is where
    the configuration deploys (``data.aws_region``); without it that is unknown, whatever a provider says.
    """
    roots = roots or Roots.of([directory])
    notes = warnings if warnings is not None else []
    inputs: dict[str, Any] = {}
    auto = files_in(directory, "*.auto.tfvars", roots, notes)
    default = files_in(directory, "terraform.tfvars", roots, notes)
    for tfvars in default + auto + list(var_files or []):
        inputs.update(load_tfvars(tfvars))
    inputs.update(variables or {})
    module = Module(
        directory, "", inputs, roots=roots, budget=budget or Budget(), warnings=notes, region=region
    )
    module.load()
    resources = module.all_resources()
    return resources, list(dict.fromkeys(module.errors))


def load_tfvars(path: Path) -> dict[str, Any]:
    """Values from a ``.tfvars`` file (HCL attributes; references are not allowed there)."""
    text = read_text(path, FileKind.TERRAFORM, "variables file")
    ev = Evaluator({}, parse_expression)
    return {k: ev.value(v) for k, v in _attributes(_trees(_parse(text, path))[0]).items()}
