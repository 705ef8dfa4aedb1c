"""Terraform resources (from HCL or plan JSON) into normalized resources, split resources folded back in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wasp.iac.terraform.folds import Fold, folds_for
from wasp.iac.terraform.mapping import MAIN
from wasp.iac.terraform.model import TfResource, strip_index
from wasp.model import Origin, Resource, Unresolved

_IDENTITY_KEYS = ("bucket", "name", "id", "arn", "key_id", "url", "function_name", "family")


def _origin(tf: TfResource, address: str | None = None) -> Origin:
    return Origin(tf.kind, file=tf.file, line=tf.line, address=address or tf.address)


def _identities(tf: TfResource) -> set[str]:
    """Every value a child may use to name this resource: its address or a configured name."""
    out = {tf.address, tf.config_address}
    out.update(str(tf.values[k]) for k in _IDENTITY_KEYS if isinstance(tf.values.get(k), str))
    return out


class _Parents:
    """The resources split resources may belong to, indexed by address and by every identity value."""

    def __init__(self, candidates: list[TfResource]) -> None:
        self.by_address: dict[str, TfResource] = {}
        self.by_identity: dict[str, TfResource] = {}
        for parent in candidates:
            self.by_address.setdefault(parent.address, parent)
            self.by_address.setdefault(parent.config_address, parent)
            for identity in _identities(parent):
                self.by_identity.setdefault(identity, parent)

    def find(self, child: TfResource, link: str) -> TfResource | None:
        """The parent a child refers to: through the expression's references first, then by value."""
        for ref in child.refs.get(link, []):
            parent = self.by_address.get(ref) or self.by_address.get(strip_index(ref))
            if parent is not None:
                return parent
        value = child.values.get(link)
        return self.by_identity.get(value) if isinstance(value, str) else None

    def find_all(self, child: TfResource, link: str) -> list[TfResource]:
        """The parents a list-valued link names (``roles = [aws_iam_role.a.name, "b"]``), each once."""
        found = [
            self.by_address.get(r) or self.by_address.get(strip_index(r)) for r in child.refs.get(link, [])
        ]
        value = child.values.get(link)
        found += [
            self.by_identity.get(v) for v in (value if isinstance(value, list) else []) if isinstance(v, str)
        ]
        unique: dict[str, TfResource] = {p.address: p for p in found if p is not None}
        return list(unique.values())


def normalize(resources: Iterable[TfResource]) -> list[Resource]:
    """Map every known ``aws_*`` resource; fold split resources into their parent (unlinked ones are kept
    apart only when they become a CloudFormation resource of their own)."""
    tfs = list(resources)
    mains: dict[str, tuple[TfResource, dict[str, Any]]] = {}
    by_type: dict[str, list[TfResource]] = {}
    for tf in tfs:
        mapped = MAIN.get(tf.type)
        if mapped is None:
            continue
        mains[tf.address] = (tf, mapped[1](tf.values))
        by_type.setdefault(tf.type, []).append(tf)
    extra: list[Resource] = []
    indexes: dict[tuple[str, ...], _Parents] = {}
    for child, fold in ((t, f) for t in tfs for f in folds_for(t.type)):
        if fold.parents not in indexes:
            indexes[fold.parents] = _Parents([p for t in fold.parents for p in by_type.get(t, [])])
        index = indexes[fold.parents]
        for parent in index.find_all(child, fold.link) if fold.many else [index.find(child, fold.link)]:
            if parent is not None:
                _fold(child, fold, parent, mains, extra)
    out = [
        Resource(MAIN[tf.type][0], tf.address, _without_empty(props), _origin(tf))
        for tf, props in mains.values()
    ]
    return out + extra


def _fold(
    tf: TfResource,
    fold: Fold,
    parent: TfResource,
    mains: dict[str, tuple[TfResource, dict[str, Any]]],
    extra: list[Resource],
) -> None:
    """Merge one split resource into its parent, or place it beside the parent as a resource of its own."""
    parent_tf, props = mains[parent.address]
    if fold.merge is not None:
        fold.merge(props, tf.values)
    if fold.separate is not None:
        rtype, make = fold.separate
        name = props.get("BucketName")
        key = name if isinstance(name, str) and name else parent_tf.address
        sep_id = tf.address if rtype == "AWS::S3::BucketPolicy" else parent_tf.address
        extra.append(Resource(rtype, sep_id, make({**props, "__key__": key}, tf.values), _origin(tf)))


def unresolved_attribute(address: str, attribute: str) -> Unresolved:
    """The marker for an attribute Terraform knows only after apply."""
    return Unresolved(f"{address}.{attribute} is known only after apply")


def _without_empty(props: dict[str, Any]) -> dict[str, Any]:
    """Empty lists and maps are left out, as a template leaves out what it does not set."""
    return {k: v for k, v in props.items() if v not in ([], {})}
