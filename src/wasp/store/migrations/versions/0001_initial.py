"""Initial schema: reviews, findings, question risks, milestones."""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workload", sa.String(200), nullable=False, index=True),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("catalogue_version", sa.String(40), nullable=False),
        sa.Column("high_risk_questions", sa.Integer, nullable=False),
        sa.Column("medium_risk_questions", sa.Integer, nullable=False),
        sa.Column("practices_met", sa.Integer, nullable=False),
        sa.Column("practices_not_met", sa.Integer, nullable=False),
        sa.Column("findings_failed", sa.Integer, nullable=False),
        sa.Column("document", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("review_id", sa.Integer, sa.ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False),
        sa.Column("finding_id", sa.String(20), nullable=False),
        sa.Column("rule", sa.String(100), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("severity", sa.String(15), nullable=False),
        sa.Column("resource_type", sa.String(100), nullable=False),
        sa.Column("resource", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )
    op.create_index("ix_findings_review_status", "findings", ["review_id", "status"])
    op.create_table(
        "question_risks",
        sa.Column("review_id", sa.Integer, sa.ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("question", sa.String(5), primary_key=True),
        sa.Column("risk", sa.String(20), nullable=False),
        sa.Column("incomplete", sa.Boolean, nullable=False),
    )
    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workload", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("review_id", sa.Integer, sa.ForeignKey("reviews.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("workload", "name", name="uq_milestone_workload_name"),
    )


def downgrade() -> None:
    """Drop the tables."""
    for table in ("milestones", "question_risks", "findings", "reviews"):
        op.drop_table(table)
