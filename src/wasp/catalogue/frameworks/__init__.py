"""UK compliance frameworks mapped to the Security Pillar's best practices (data in YAML, one file each)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from wasp.catalogue.loader import CatalogueError, load_catalogue
from wasp.model.framework import Control, Framework

FILES = ("ncsc.yaml", "cyber_essentials.yaml", "iso27001.yaml", "uk_gdpr.yaml", "fca_dora.yaml")


@cache
def load_frameworks() -> dict[str, Framework]:
    """Every framework by id, checked against the catalogue."""
    known = load_catalogue().practice_ids
    out: dict[str, Framework] = {}
    for name in FILES:
        doc = yaml.safe_load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
        controls = tuple(
            Control(str(c["id"]), c["title"], tuple(c["best_practices"]), c["rationale"])
            for c in doc["controls"]
        )
        for control in controls:
            unknown = set(control.best_practices) - known
            if unknown:
                raise CatalogueError(f"{name}: control {control.id} maps unknown practices {sorted(unknown)}")
        out[doc["id"]] = Framework(doc["id"], doc["name"], str(doc["version"]), doc.get("note", ""), controls)
    return out
