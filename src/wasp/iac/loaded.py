"""What reading one IaC source gives, whatever its language (kept apart so a Terraform scan needs no
CloudFormation or YAML code)."""

from __future__ import annotations

from dataclasses import dataclass, field

from wasp.iac.suppress import Skip
from wasp.model.resource import Resource


@dataclass
class Loaded:
    """What one IaC source gave: resources, inline skips by (file, address), and per-resource problems."""

    resources: list[Resource] = field(default_factory=list)
    skips: dict[tuple[str, str], list[Skip]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    generated: list[str] = field(default_factory=list)
    """Why resources exist that only deployment knows (an included snippet, Fn::ForEach, a macro): rules that
    look at neighbours cannot rely on the ones written in the template (see wasp.iac.transforms)."""
