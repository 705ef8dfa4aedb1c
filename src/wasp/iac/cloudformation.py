"""CloudFormation (YAML with short-form tags, or JSON) into resources, with file and line for each.

Decoding keeps line numbers (:mod:`wasp.iac.decode`); SAM resources are mapped (:mod:`wasp.iac.sam`). Intrinsics are resolved where the template alone
decides them: Ref to parameters (defaults or given values), pseudo-parameters and other resources (their logical
id), Fn::Sub, Fn::Join, Fn::If with Conditions, Fn::Select, Fn::FindInMap, and Fn::GetAtt where the template
decides it (a named bucket's Arn). Anything else (other Fn::GetAtt, Ref to a
parameter without a value, Fn::ImportValue) becomes an Unresolved marker, so a rule reading it answers unknown.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wasp.errors import InputError
from wasp.iac.checkov_skips import metadata_skips
from wasp.iac.decode import decode_template
from wasp.iac.iam_links import link_attachments
from wasp.iac.loaded import Loaded
from wasp.iac.net_links import link_network
from wasp.iac.sam import expand_sam
from wasp.iac.suppress import skips_from
from wasp.iac.transforms import (
    as_properties,
    expand_for_each,
    generated_entry,
    generated_warning,
    macro_opaque,
    macro_warning,
    opened,
    template_macros,
)
from wasp.iac.tree import Roots
from wasp.limits import Budget, ExpansionError
from wasp.model import Origin, OriginKind, Resource, Unresolved

PSEUDO = {"AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com"}
"""Pseudo parameters a template alone decides (the standard partition unless --region names another)."""
UNKNOWN_PSEUDO = ("AWS::AccountId", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs")
MAX_NESTING = 5
"""Local nested stacks are followed this deep (a stack that includes itself stops here)."""
_TYPE = re.compile(r"^(AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+$|^Custom::[\w-]+$")
_SUB = re.compile(r"\$\{([^}!][^}]*)\}")
_TYPE_SHAPE = re.compile(r"^[A-Za-z0-9]{1,64}(::[A-Za-z0-9-]{1,64}){1,2}$")
"""A type name shaped like one (``Vendor::Thing``) is shown in the error; any other text is not echoed."""
_LOGICAL_ID = re.compile(r"^[A-Za-z0-9]{1,255}$")


@dataclass
class Template:
    """A decoded template and what is needed to resolve its intrinsics."""

    path: Path
    doc: Mapping[str, Any]
    parameters: dict[str, Any] = field(default_factory=dict)
    conditions: dict[str, bool | Unresolved] = field(default_factory=dict)
    region: str | None = None
    """The region the stack deploys to (``--region``); None leaves ``AWS::Region`` unresolved."""


class _Resolver:
    def __init__(self, t: Template, budget: Budget) -> None:
        self.t = t
        self.resources = set((t.doc.get("Resources") or {}).keys())
        self.budget = budget
        self._naming: set[str] = set()
        """Resources whose name is being resolved for a Ref (a name that refers to itself stops here)."""

    def text(self, value: str) -> str:
        """A string the template builds (a join, a substitution), counted against the budget."""
        self.budget.charge(1, len(value))
        return value

    def condition(self, name: str) -> bool | Unresolved:
        if name not in self.t.conditions:
            expr = (self.t.doc.get("Conditions") or {}).get(name)
            self.t.conditions[name] = Unresolved(f"condition {name} refers to itself")  # a cycle stops here
            self.t.conditions[name] = (
                Unresolved(f"condition {name} is undefined") if expr is None else self._bool(expr)
            )
        return self.t.conditions[name]

    def _bool(self, expr: Any) -> bool | Unresolved:
        if isinstance(expr, Mapping) and len(expr) == 1:
            ((fn, args),) = expr.items()
            if fn == "Condition":
                return self.condition(str(args))
            values = [self.value(a) for a in args] if isinstance(args, list) else []
            if any(isinstance(v, Unresolved) for v in values):
                return Unresolved(f"{fn} depends on a value known only at deploy time")
            if fn == "Fn::Equals" and len(values) == 2:
                return str(values[0]) == str(values[1])
            bools = [self._bool(a) for a in args] if isinstance(args, list) else []
            if any(isinstance(b, Unresolved) for b in bools):
                return Unresolved(f"{fn} depends on an unresolved condition")
            if fn == "Fn::Not" and len(bools) == 1:
                return not bools[0]
            if fn == "Fn::And":
                return all(bools)
            if fn == "Fn::Or":
                return any(bools)
        return Unresolved("unsupported condition expression")

    def value(self, node: Any) -> Any:
        """Resolve intrinsics recursively; Fn::If branches that resolve to AWS::NoValue are dropped."""
        self.budget.charge(1)
        if type(node) in _SCALARS:  # most values: nothing to resolve
            return node
        if isinstance(node, list):
            out = [self.value(v) for v in node]
            return [v for v in out if v is not _NO_VALUE]
        if not isinstance(node, (dict, Mapping)):  # (dict first: a dict skips the ABC's check)
            return node
        if "Fn::Transform" in node:  # AWS::Include or a macro: what it adds is known only at deploy time
            rest = ((str(k), self.value(v)) for k, v in node.items() if k != "Fn::Transform")
            return opened({k: v for k, v in rest if v is not _NO_VALUE}, node["Fn::Transform"])
        if len(node) == 1:
            ((key, arg),) = node.items()
            if key == "Ref":
                return self._ref(str(arg))
            if key == "Fn::Sub":
                return self._sub(arg)
            if key == "Fn::Join" and isinstance(arg, list) and len(arg) == 2:
                parts = self.value(arg[1])
                if isinstance(parts, Unresolved) or any(isinstance(p, Unresolved) for p in parts):
                    return Unresolved("Fn::Join over a value known only at deploy time")
                return self.text(str(arg[0]).join(str(p) for p in parts))
            if key == "Fn::If" and isinstance(arg, list) and len(arg) == 3:
                cond = self.condition(str(arg[0]))
                if isinstance(cond, Unresolved):
                    return cond
                return self.value(arg[1] if cond else arg[2])
            if key == "Fn::Select" and isinstance(arg, list) and len(arg) == 2:
                index, items = self.value(arg[0]), self.value(arg[1])
                if isinstance(items, list) and str(index).isdigit() and int(index) < len(items):
                    return items[int(index)]
                return Unresolved("Fn::Select over a value known only at deploy time")
            if key == "Fn::FindInMap" and isinstance(arg, list) and len(arg) == 3:
                keys = [self.value(a) for a in arg]
                try:
                    return self.value(self.t.doc["Mappings"][keys[0]][keys[1]][keys[2]])
                except (KeyError, TypeError):
                    return Unresolved("Fn::FindInMap key known only at deploy time")
            if key == "Fn::Base64":
                text = self.value(arg)
                if isinstance(text, Unresolved) or not isinstance(text, str):
                    return text if isinstance(text, Unresolved) else Unresolved("Fn::Base64 of a non-string")
                return self.text(base64.b64encode(text.encode()).decode())
            if key == "Fn::GetAtt":
                parts = arg.split(".", 1) if isinstance(arg, str) else arg
                if isinstance(parts, list) and len(parts) == 2:
                    return self._get_att(str(parts[0]), self.value(parts[1]))
            if key.startswith("Fn::") or key == "Condition":
                return Unresolved(f"{key} is known only after deployment")
        return {str(k): v for k, v in ((k, self.value(v)) for k, v in node.items()) if v is not _NO_VALUE}

    def _ref(self, name: str) -> Any:
        if name == "AWS::NoValue":
            return _NO_VALUE
        if name in self.t.parameters:
            return self.t.parameters[name]
        param = (self.t.doc.get("Parameters") or {}).get(name)
        if param is not None:
            return param.get("Default", Unresolved(f"parameter {name} has no default and no value was given"))
        if name == "AWS::Region":
            return self.t.region or Unresolved("AWS::Region is known only at deploy time (pass --region)")
        if name in PSEUDO:
            return _partition(self.t.region).get(name, PSEUDO[name])
        if name in UNKNOWN_PSEUDO:
            return Unresolved(f"{name} is known only at deploy time")
        if name in self.resources:
            if self.t.doc["Resources"][name].get("Type") == "AWS::EC2::SecurityGroup":
                return name  # Ref gives the group id, known after deploy: the logical id stands in for it
            return self._resource_name(name)
        return Unresolved(f"Ref {name} is not defined in the template")

    def _resource_name(self, logical_id: str) -> Any:
        """What ``Ref`` to a resource stands for before deploy: its name property when the template decides it
        (literally or through parameters, as the resource's own property resolves), else the logical id, the
        same key the rules use to find a resource's neighbours (``bucket_key``)."""
        props = self.t.doc["Resources"][logical_id].get("Properties") or {}
        if not isinstance(props, Mapping) or logical_id in self._naming:
            return logical_id
        self._naming.add(logical_id)
        try:
            for key in _NAME_KEYS:
                if key in props:
                    value = self.value(props[key])
                    return value if isinstance(value, str) and value else logical_id
        finally:
            self._naming.discard(logical_id)
        return logical_id

    def _get_att(self, logical_id: str, attribute: Any) -> Any:
        """An attribute of a resource in the same template, where the template alone decides it."""
        node = (self.t.doc.get("Resources") or {}).get(logical_id)
        if not isinstance(node, Mapping) or not isinstance(attribute, str):
            return Unresolved(f"Fn::GetAtt {logical_id}.{attribute} is not in the template")
        derive = DERIVED_ATTRIBUTES.get((str(node.get("Type")), attribute))
        if derive is not None:
            props = self.value(node.get("Properties") or {})
            value = derive(logical_id, props if isinstance(props, Mapping) else {})
            if value is not None:
                return value
        return Unresolved(f"Fn::GetAtt {logical_id}.{attribute} is known only after deployment")

    def _sub(self, arg: Any) -> Any:
        text, extra = (arg[0], arg[1]) if isinstance(arg, list) and len(arg) == 2 else (arg, {})
        if not isinstance(text, str):
            return Unresolved("Fn::Sub with a computed template")
        missing: list[str] = []

        def repl(m: re.Match[str]) -> str:
            name = m.group(1)
            value = (
                self.value(extra[name])
                if name in extra
                else self._ref(name)
                if "." not in name
                else self._get_att(*name.split(".", 1))
            )
            if isinstance(value, Unresolved) or value is _NO_VALUE:
                missing.append(name)
                return m.group(0)
            return str(value)

        out = self.text(_SUB.sub(repl, text))
        return Unresolved(f"Fn::Sub uses {', '.join(missing)}") if missing else out


_NO_VALUE = object()
_SCALARS = frozenset({str, int, float, bool, type(None)})
"""Values a template writes as they are (no intrinsic inside)."""
_NAME_KEYS = ("BucketName", "GroupName", "TableName", "FunctionName", "QueueName", "TopicName", "Name")
"""Name properties that ``Ref`` to the resource returns."""


def _bucket_arn(logical_id: str, props: Mapping[str, Any]) -> str | None:
    name = props.get("BucketName")
    return f"arn:aws:s3:::{name}" if isinstance(name, str) else None


def _bucket_domain(logical_id: str, props: Mapping[str, Any]) -> str | None:
    name = props.get("BucketName")
    return f"{name}.s3.amazonaws.com" if isinstance(name, str) else None


DERIVED_ATTRIBUTES: dict[tuple[str, str], Callable[[str, Mapping[str, Any]], Any]] = {
    ("AWS::S3::Bucket", "Arn"): _bucket_arn,
    ("AWS::S3::Bucket", "DomainName"): _bucket_domain,
    ("AWS::EC2::SecurityGroup", "GroupId"): lambda logical_id, props: logical_id,  # as Ref: the stand-in
    ("AWS::WAFv2::WebACL", "Arn"): lambda logical_id, props: logical_id,  # the stand-in an ACL is found by
    ("AWS::SQS::Queue", "QueueName"): lambda logical_id, props: props.get("QueueName"),
    ("AWS::SNS::Topic", "TopicName"): lambda logical_id, props: props.get("TopicName"),
}
"""``Fn::GetAtt`` values a template alone decides; every other attribute is known only after deployment."""


def load_cloudformation(path: Path, parameters: Mapping[str, Any] | None = None) -> list[Resource]:
    """Resources of one template (SAM mapped, local nested stacks followed); InputError names file and line."""
    loaded = read_cloudformation(path, parameters)
    if loaded.errors:
        raise InputError(loaded.errors[0])
    return loaded.resources


def _name(logical_id: object) -> str:
    """A logical id as messages show it: CloudFormation's shape (letters and digits), else its position only."""
    text = str(logical_id)
    return text if _LOGICAL_ID.match(text) else "(a resource whose logical id is not alphanumeric)"


def _partition(region: str | None) -> dict[str, str]:
    """``AWS::Partition`` and ``AWS::URLSuffix`` for a region outside the standard partition."""
    if region and region.startswith("cn-"):
        return {"AWS::Partition": "aws-cn", "AWS::URLSuffix": "amazonaws.com.cn"}
    if region and region.startswith("us-gov-"):
        return {"AWS::Partition": "aws-us-gov"}
    return {}


def read_cloudformation(
    path: Path,
    parameters: Mapping[str, Any] | None = None,
    depth: int = 0,
    roots: Roots | None = None,
    budget: Budget | None = None,
    region: str | None = None,
) -> Loaded:
    """Resources, inline skips and problems of one template; an unreadable file raises InputError.

    Local nested stacks are followed only inside ``roots`` (by default the template's folder); ``budget`` bounds
    what the template may expand to (aliases, joins, substitutions), shared with the nested stacks. ``region``
    is where the stack deploys (``AWS::Region`` and each resource's region); without it both are unknown.
    """
    roots = roots or Roots.of([path])
    budget = budget or Budget()
    doc = decode_template(path, budget)
    resources_node = doc.get("Resources")
    if not isinstance(resources_node, Mapping):
        raise InputError(f"{path}:1: the template's Resources section is missing or not a mapping")
    resolver = _Resolver(Template(path, doc, dict(parameters or {}), region=region), budget)
    if any(str(k).startswith("Fn::ForEach::") for k in resources_node):  # AWS::LanguageExtensions loops
        resources_node = doc["Resources"] = expand_for_each(resources_node, resolver.value, budget)
        resolver.resources = set(resources_node)
    lines: Mapping[str, int] = getattr(resources_node, "lines", {})
    loaded = Loaded()
    macros = template_macros(doc)
    if macros:
        loaded.warnings.append(
            macro_warning(f"{path}:{getattr(doc, 'lines', {}).get('Transform', 1)}", macros)
        )
        loaded.generated.append(f"{path}: Transform {', '.join(macros)}")
    for logical_id, node in resources_node.items():
        line = lines.get(logical_id)
        where = f"{path}:{line or '?'}"
        if generated_entry(str(logical_id)):
            loaded.warnings.append(generated_warning(where, str(logical_id)))
            loaded.generated.append(f"{where}: {str(logical_id)[:140]}")
            continue
        if not isinstance(node, (dict, Mapping)) or not isinstance(node.get("Type"), str):
            loaded.errors.append(f"{where}: resource {_name(logical_id)} has no Type")
            continue
        rtype = str(node["Type"])
        if not _TYPE.match(rtype):
            problem = (
                f"unknown type {rtype!r}" if _TYPE_SHAPE.match(rtype) else "a Type that is not a type name"
            )
            loaded.errors.append(
                f"{where}: resource {_name(logical_id)} has {problem} (expected AWS::Service::Resource)"
            )
            continue
        try:
            if "Condition" in node and resolver.condition(str(node["Condition"])) is False:
                continue
            props = resolver.value(node.get("Properties") or {})
        except RecursionError:
            loaded.errors.append(
                f"{where}: resource {_name(logical_id)} nests too deeply to resolve; flatten it"
            )
            continue
        except ExpansionError as exc:
            loaded.errors.append(f"{where}: {exc.describe()}")
            break
        origin = Origin(
            OriginKind.CLOUDFORMATION, region=region, file=str(path), line=line, address=str(logical_id)
        )
        properties = macro_opaque(macros) if macros else as_properties(props)
        metadata = node.get("Metadata")
        if metadata is not None:  # (most resources have none)
            _metadata_skips(metadata, path, str(logical_id), line, loaded)
        if rtype.startswith("AWS::Serverless::"):
            expanded = expand_sam(rtype, str(logical_id), properties, origin)
            for r in expanded:
                if (str(path), str(logical_id)) in loaded.skips:
                    loaded.skips[(str(path), r.id)] = loaded.skips[(str(path), str(logical_id))]
            loaded.resources.extend(expanded)
            continue
        loaded.resources.append(
            Resource(type=rtype, id=str(logical_id), properties=properties, origin=origin)
        )
        if rtype == "AWS::CloudFormation::Stack":
            _nested(path, where, str(logical_id), properties, depth, loaded, roots, budget, region)
    own = [i for i, r in enumerate(loaded.resources) if r.origin.file == str(path)]
    # policies, group rules, ACL entries, web ACLs declared elsewhere, on their owner (iam_links, net_links)
    mine = link_network(link_attachments([loaded.resources[i] for i in own]))
    for i, linked in zip(own, mine, strict=True):
        loaded.resources[i] = linked
    return loaded


def _metadata_skips(metadata: Any, path: Path, logical_id: str, line: int | None, loaded: Loaded) -> None:
    """A resource's inline skips: ``Metadata.wasp.skip``, and Checkov's own ``Metadata.checkov.skip`` (applied only
    with --honour-checkov-skips, iac/checkov_skips.py)."""
    wasp_meta = metadata.get("wasp") if isinstance(metadata, Mapping) else None
    if isinstance(wasp_meta, Mapping) and isinstance(wasp_meta.get("skip"), list):
        skip_line = getattr(metadata, "lines", {}).get("wasp", line)
        loaded.skips[(str(path), logical_id)] = skips_from(wasp_meta["skip"], str(path), skip_line)
    checkov_meta = metadata.get("checkov") if isinstance(metadata, Mapping) else None
    if isinstance(checkov_meta, Mapping):
        skip_line = getattr(metadata, "lines", {}).get("checkov", line)
        found = metadata_skips(checkov_meta.get("skip"), str(path), skip_line)
        if found:
            loaded.skips.setdefault((str(path), logical_id), []).extend(found)


def _nested(
    path: Path,
    where: str,
    logical_id: str,
    props: Mapping[str, Any],
    depth: int,
    loaded: Loaded,
    roots: Roots,
    budget: Budget,
    region: str | None,
) -> None:
    """A nested stack whose TemplateURL is a local file inside the roots is read with its Parameters; others
    are named only (a local one outside the roots with a warning)."""
    url = props.get("TemplateURL")
    if not isinstance(url, str) or "://" in url or depth >= MAX_NESTING:
        return
    child = Path(os.path.normpath(path.parent / url))
    if not roots.contains(child):
        loaded.warnings.append(
            f"{where}: nested stack {_name(logical_id)}: its TemplateURL leaves the scanned folders; not read "
            "(scan a folder that holds both templates)"
        )
        return
    if not child.is_file():
        return
    params = {k: v for k, v in (props.get("Parameters") or {}).items() if not isinstance(v, Unresolved)}
    inner = read_cloudformation(child, params, depth + 1, roots, budget, region)
    loaded.resources.extend(
        replace(r, origin=replace(r.origin, address=f"{logical_id}/{r.origin.address}"))
        for r in inner.resources
    )
    loaded.skips.update({(f, f"{logical_id}/{a}"): v for (f, a), v in inner.skips.items()})
    loaded.errors.extend(inner.errors)
    loaded.warnings.extend(inner.warnings)
    loaded.generated.extend(inner.generated)
