"""JSON Schemas for wasp's files: the review and scan output (hand-written contracts), attestations and workload
(generated)."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

NAMES = ("review", "scan", "attestations", "workload")


def _packaged(name: str) -> dict[str, Any]:
    text = resources.files("wasp.schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema for one of NAMES."""
    if name == "review":
        return _packaged("review")
    if name == "scan":
        # the scan's findings and rules are the review's own definitions, so the two cannot drift apart
        scan, review = _packaged("scan"), _packaged("review")
        scan["$defs"] = {"finding": review["$defs"]["finding"], "rules": review["properties"]["rules"]}
        return scan
    # imported here: loading a review needs neither pydantic nor the attestation and workload models
    from wasp.attest.schema import AttestationFile
    from wasp.workload.file import WorkloadFile

    models: dict[str, type[BaseModel]] = {"attestations": AttestationFile, "workload": WorkloadFile}
    model = models[name]
    generated: dict[str, Any] = model.model_json_schema(by_alias=True)
    generated["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    generated["$id"] = f"wasp.{name}/1"
    return generated
