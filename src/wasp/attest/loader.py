"""Load and check an attestation file against the catalogue."""

from __future__ import annotations

from pathlib import Path

from wasp.attest.schema import AttestationFile
from wasp.errors import InputError
from wasp.model import Attestation, Catalogue
from wasp.yamlfile import load_yaml, validate

WHAT = "attestation file"


def load_attestations(path: Path, catalogue: Catalogue) -> list[Attestation]:
    """Attestations from a YAML file; an unknown best-practice id is an error naming its line."""
    doc = load_yaml(path, WHAT)
    parsed = validate(doc, AttestationFile, WHAT)
    out: list[Attestation] = []
    for bp_id, entry in parsed.attestations.items():
        loc = ("attestations", bp_id)
        if bp_id not in catalogue.practice_ids:
            raise InputError(
                f"{doc.where(loc)}: {WHAT}: unknown best practice {bp_id} (run `wasp catalogue` for the ids; "
                "older tools use a legacy numbering)"
            )
        out.append(
            Attestation(
                best_practice=bp_id,
                answer=entry.answer,
                owner=entry.owner,
                date=entry.date,
                expires=entry.expires,
                evidence=tuple(entry.evidence),
                reason=entry.reason,
                notes=entry.notes,
                source=doc.where(loc),
            )
        )
    return out
