"""A review's context as saved data: the whole workload definition, with its waivers and attestations.

A snapshot carries it, so a review of the snapshot (by someone without the workload's files) makes the same
decisions as the live review did. Values under secret-looking keys are redacted before saving, as everywhere
else (:mod:`wasp.model.redact`); a workload file should not hold secrets in the first place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from wasp.attest import load_attestations
from wasp.attest.waivers import Waiver, load_waivers
from wasp.model import Attestation, Catalogue, Workload
from wasp.model.redact import redact


@dataclass(frozen=True)
class ReviewContext:
    """What a review decides with besides the inventory: the workload, its waivers and its attestations."""

    workload: Workload
    waivers: tuple[Waiver, ...] = ()
    """The accepted risks of the workload's waiver file, as read when the context was made."""
    attestations: tuple[Attestation, ...] = ()
    """The answers of the workload's attestation file, as read when the context was made."""


def load_context(workload: Workload, catalogue: Catalogue) -> ReviewContext:
    """The workload with the waivers and attestations its files hold; a bad file is one clear error."""
    attestations = load_attestations(Path(workload.attestations), catalogue) if workload.attestations else []
    waivers = load_waivers(Path(workload.waivers)) if workload.waivers else []
    return ReviewContext(workload, tuple(waivers), tuple(attestations))


@cache
def _workload_adapter() -> TypeAdapter[Workload]:
    return TypeAdapter(Workload)


@cache
def _waivers_adapter() -> TypeAdapter[tuple[Waiver, ...]]:
    return TypeAdapter(tuple[Waiver, ...])


@cache
def _attestations_adapter() -> TypeAdapter[tuple[Attestation, ...]]:
    return TypeAdapter(tuple[Attestation, ...])


def context_dict(context: ReviewContext) -> dict[str, Any]:
    """The context as JSON-ready data, with the values of secret-named keys redacted."""
    return {
        "workload": redact(_workload_adapter().dump_python(context.workload, mode="json")),
        "waivers": redact(_waivers_adapter().dump_python(context.waivers, mode="json")),
        "attestations": redact(_attestations_adapter().dump_python(context.attestations, mode="json")),
    }


def context_from_dict(doc: Any) -> ReviewContext:
    """The context saved by :func:`context_dict`; malformed data raises ``ValueError`` or ``TypeError``."""
    if not isinstance(doc, dict):
        raise TypeError("the review context is not a mapping")
    return ReviewContext(
        _workload_adapter().validate_python(doc["workload"], strict=False),
        _waivers_adapter().validate_python(doc.get("waivers", []), strict=False),
        _attestations_adapter().validate_python(doc.get("attestations", []), strict=False),
    )


DECIDING_FIELDS = (
    "name",
    "description",
    "environment",
    "accounts",
    "regions",
    "security_contact",
    "kms_key",
    "stakeholders",
    "break_glass",
    "classification_keys",
    "classification_values",
    "pipeline",
    "scope_tags",
    "findings",
)
"""Workload fields that shape a review's content. Paths, profile and role only say where things were read."""


def differences(saved: ReviewContext, given: ReviewContext) -> list[str]:
    """The names of what ``given`` sets differently from ``saved`` (waivers and attestations by content).

    ``given`` is first saved and read back as ``saved`` was, so redaction alone is never a difference.
    """
    given = context_from_dict(context_dict(given))
    out = [f for f in DECIDING_FIELDS if getattr(saved.workload, f) != getattr(given.workload, f)]
    if _without_source(saved.waivers) != _without_source(given.waivers):
        out.append("waivers")
    if _without_source(saved.attestations) != _without_source(given.attestations):
        out.append("attestations")
    return out


def _without_source(items: tuple[Any, ...]) -> list[Any]:
    """Items compared by content: where each was read (file:line) does not count."""
    return [replace(item, source=None) for item in items]
