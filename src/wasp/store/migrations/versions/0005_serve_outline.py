"""`wasp serve` at scale: each review's outline in its own column and each finding's evidence in its own row, so a
first view reads neither the whole document nor every finding's evidence; findings found by id through an index.

Existing reviews are backfilled one at a time (their documents are read one by one, never all at once), and their
evidence rows written in batches.
"""

import zlib
from typing import Any

import sqlalchemy as sa
from alembic import op

from wasp.store.outline import FACETS, evidence_rows, outline, pack, unpack

revision = "0005"
down_revision = "0004"

BATCH = 2000
"""Evidence rows inserted per statement while backfilling."""


def _backfill(conn: sa.Connection) -> None:
    reviews = sa.table("reviews", sa.column("id"), sa.column("document"), sa.column("outline"))
    columns = ("id", "finding_id", "rule", "status", *FACETS)
    findings = sa.table("findings", sa.column("review_id"), *(sa.column(c) for c in columns))
    evidence = sa.table("finding_evidence", sa.column("finding_row"), sa.column("evidence"))
    ids = list(
        conn.scalars(sa.select(reviews.c.id).where(reviews.c.outline.is_(None)).order_by(reviews.c.id))
    )
    for rid in ids:
        blob: bytes = conn.scalar(sa.select(reviews.c.document).where(reviews.c.id == rid)) or b""
        try:
            doc = unpack(blob)
        except (OSError, EOFError, zlib.error, ValueError):
            continue  # a damaged document keeps no outline: reading the review says it is damaged, as before
        if not isinstance(doc, dict) or not isinstance(doc.get("findings", []), list):
            continue  # damaged too (JSON of the wrong type): no outline, as above
        doc_findings = [f for f in doc.get("findings", ()) if isinstance(f, dict)]
        stored = [  # the facets come from the rows as stored: what the pages filter in SQL
            r._asdict()
            for r in conn.execute(
                sa.select(*(findings.c[c] for c in columns))
                .where(findings.c.review_id == rid)
                .order_by(findings.c.id)
            )
        ]
        conn.execute(sa.update(reviews).where(reviews.c.id == rid).values(outline=pack(outline(doc, stored))))
        rows = [(r["id"], r["finding_id"]) for r in stored]
        batch: list[dict[str, Any]] = []
        for item in evidence_rows(doc_findings, rows):
            batch.append(item)
            if len(batch) >= BATCH:
                conn.execute(sa.insert(evidence), batch)
                batch = []
        if batch:
            conn.execute(sa.insert(evidence), batch)
        del doc, doc_findings, stored, rows


def upgrade() -> None:
    """Add the outline column, the evidence table and the finding-id index; backfill stored reviews."""
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("outline", sa.LargeBinary, nullable=True))
    op.create_table(
        "finding_evidence",
        sa.Column(
            "finding_row",
            sa.Integer,
            sa.ForeignKey("findings.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_index("ix_findings_review_finding", "findings", ["review_id", "finding_id"])
    _backfill(op.get_bind())


def downgrade() -> None:
    """Drop them (the document still holds everything)."""
    op.drop_index("ix_findings_review_finding", "findings")
    op.drop_table("finding_evidence")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("outline")
