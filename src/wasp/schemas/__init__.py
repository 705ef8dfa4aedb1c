"""JSON Schemas for wasp's files: the review (hand-written contract), attestations and workload (generated)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from pydantic import BaseModel

from wasp.attest.schema import AttestationFile
from wasp.workload.file import WorkloadFile

NAMES = ("review", "attestations", "workload")


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema for one of NAMES."""
    if name == "review":
        text = resources.files("wasp.schemas").joinpath("review.schema.json").read_text(encoding="utf-8")
        loaded: dict[str, Any] = json.loads(text)
        return loaded
    models: dict[str, type[BaseModel]] = {"attestations": AttestationFile, "workload": WorkloadFile}
    model = models[name]
    generated: dict[str, Any] = model.model_json_schema(by_alias=True)
    generated["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    generated["$id"] = f"wasp.{name}/1"
    return generated
