"""Write a starter attestation file listing every hybrid and attested best practice."""

from __future__ import annotations

from datetime import date

from wasp.model import Catalogue, EvidenceMode


def _quote(text: str) -> str:
    return text.replace("\n", " ")


def attestation_template(catalogue: Catalogue, today: date, workload: str | None = None) -> str:
    """A commented YAML file: one block per practice that people must answer, all commented out."""
    lines = [
        "# wasp attestations: what people answer for the practices no API can show.",
        "# Uncomment a block, answer it and give evidence. Format: docs/attestations.md",
        "#   answer:   yes | no | partial | not_applicable",
        "#   reason:   required for not_applicable: out_of_scope | business_priorities |",
        "#             architecture_constraints | other",
        "#   evidence: links or paths; required for yes",
        "#   expires:  after this date the answer no longer counts (the practice becomes not assessed)",
        "schema: wasp.attestations/1",
        f"workload: {workload or 'my-workload'}",
        "attestations:",
    ]
    expiry = today.replace(year=today.year + 1)
    for q in catalogue.questions:
        lines.append(f"  # --- {q.id}: {_quote(q.title)}")
        for bp_id in q.best_practices:
            bp = catalogue.practice(bp_id)
            if bp.evidence_mode is EvidenceMode.AUTOMATED:
                continue
            lines += [
                f"  # {bp.id} {bp.title} [{bp.risk.value} risk, {bp.evidence_mode.value}]",
                f"  #   {_quote(bp.prompt)}",
                f"  # {bp.id}:",
                "  #   answer: yes",
                "  #   owner: name@example.com",
                f"  #   date: {today.isoformat()}",
                f"  #   expires: {expiry.isoformat()}",
                "  #   evidence:",
                "  #     - https://wiki.example.com/...",
            ]
    return "\n".join(lines) + "\n"
