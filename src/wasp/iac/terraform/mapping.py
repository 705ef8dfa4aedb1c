"""``aws_*`` resource types mapped to CloudFormation types and property shapes, as data.

``MAIN`` turns one Terraform resource into one CloudFormation resource, with a small function per type. The
functions and their entries live by area in :mod:`wasp.iac.terraform.mappings` (storage, network, compute,
security: each module's ``MAPPINGS``), found by scanning that package as rules and report formats are;
:mod:`folds` describes the split resources merged back into them. Only what the rules read is mapped; other
attributes are dropped.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from wasp.iac.terraform import mappings as _mappings
from wasp.iac.terraform.folds import FOLDS, Fold
from wasp.iac.terraform.mapping_index import trusted_index
from wasp.iac.terraform.shapes import Props, Values

__all__ = ["ARN_STAND_INS", "FOLDS", "IDENTITY_ATTRIBUTES", "MAIN", "Fold", "discover", "stand_in"]

TypeMapping = tuple[str, Callable[[Values], Props]]
"""A CloudFormation type and the function that builds its properties from a Terraform resource's values."""


class MappingDefinitionError(TypeError):
    """A mapping module lacks MAPPINGS, or two modules map the same Terraform type (a bug in wasp)."""


def discover() -> dict[str, TypeMapping]:
    """Every module of :mod:`wasp.iac.terraform.mappings` (in name order) merged: Terraform type -> mapping."""
    found: dict[str, TypeMapping] = {}
    owner: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(_mappings.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_mappings.__name__}.{info.name}")
        table = getattr(module, "MAPPINGS", None)
        if not isinstance(table, dict):
            raise MappingDefinitionError(
                f"{module.__name__}: MAPPINGS must be a dict of type -> (cfn type, fn)"
            )
        for tf_type, entry in table.items():
            if tf_type in found:
                raise MappingDefinitionError(
                    f"{tf_type} is mapped in both {owner[tf_type]} and {module.__name__}"
                )
            found[tf_type], owner[tf_type] = entry, module.__name__
    return found


class LazyMappings(Mapping[str, TypeMapping]):
    """Terraform type -> mapping, importing the module that maps a type when that type is first looked up
    (the shipped index, :mod:`wasp.iac.terraform.mapping_index`, says which)."""

    def __init__(self, where: Mapping[str, str]) -> None:
        self._where = dict(where)

    def __getitem__(self, tf_type: str) -> TypeMapping:
        module = importlib.import_module(f"{_mappings.__name__}.{self._where[tf_type]}")
        entry: TypeMapping = module.MAPPINGS[tf_type]
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, tf_type: object) -> bool:
        return tf_type in self._where


def _main() -> Mapping[str, TypeMapping]:
    """The mappings from the index when it is in step with the modules, else every module imported."""
    index = trusted_index()
    return discover() if index is None else LazyMappings(index[0])


MAIN: Mapping[str, TypeMapping] = _main()
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""


IDENTITY_ATTRIBUTES = {"aws_s3_bucket": "bucket"}
"""Types whose ``id`` is a configured attribute (a bucket's id is its name)."""

ARN_STAND_INS = frozenset({"aws_iam_policy", "aws_wafv2_web_acl"})
"""Types whose ``arn`` stands for the resource before apply (the address, as a template's ``Ref`` does), so that
an attachment finds the policy document it attaches, and a distribution or association the web ACL it names."""


def stand_in(rtype: str, address: str, values: Mapping[str, Any], attribute: str) -> Any:
    """What a reference to another resource's attribute stands for before apply, or None when it is unknown.

    ``id`` is a bucket's name or else the address (the stand-in the CloudFormation reader uses for ``Ref``); a named
    bucket's ``arn`` is derived; a customer-managed policy's ``arn`` is its address. The HCL and plan readers both
    answer references this way, so the same configuration gets the same values from either.
    """
    name_attr = IDENTITY_ATTRIBUTES.get(rtype)
    name = values.get(name_attr) if name_attr else None
    if attribute == "id":
        return name if isinstance(name, str) else address
    if attribute == "arn" and rtype == "aws_s3_bucket" and isinstance(name, str):
        return f"arn:aws:s3:::{name}"
    if attribute == "arn" and rtype in ARN_STAND_INS:
        return address
    return None
