"""Data sources whose own arguments bear on security, read as resources: ``data "aws_ami"`` lookups.

An image looked up by name without naming its owner takes whatever image anyone publishes under a matching name
(the "whoAMI" name-confusion attack), so the lookup itself is judged. Each instance becomes a Terraform resource
of type ``data.aws_ami`` (its address keeps the ``data.`` prefix and instance keys); other data sources stay
values only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from wasp.iac.terraform.model import TfResource

if TYPE_CHECKING:
    from wasp.iac.terraform.hcl import Module

JUDGED = ("aws_ami",)
"""Data source types read as resources."""


def lookup_resources(module: Module) -> list[TfResource]:
    """The module's judged data sources, each instance typed ``data.<type>``."""
    out: list[TfResource] = []
    for key in module.resources:
        kind, _, rest = key.partition(".")
        if kind != "data" or rest.split(".", 1)[0] not in JUDGED:
            continue
        out.extend(replace(tf, type=f"data.{tf.type}") for tf in module.instances_of(key))
    return out
