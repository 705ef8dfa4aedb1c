"""`wasp serve`: users, sessions, answers with history, plan item status, uploads; findings' account and region."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    """Create the web application's tables and let findings be filtered by account and region in SQL."""
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("account", sa.String(40), nullable=True))
        batch.add_column(sa.Column("region", sa.String(40), nullable=True))
    op.create_index("ix_findings_review_rule", "findings", ["review_id", "rule", "severity"])
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("questions", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
    )
    op.create_table(
        "user_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workload", sa.String(200), nullable=False),
        sa.Column("best_practice", sa.String(20), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workload", sa.String(200), nullable=False),
        sa.Column("best_practice", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("answer", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(40), nullable=True),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("expires", sa.Date, nullable=True),
        sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("workload", "best_practice", "version", name="uq_answer_version"),
    )
    op.create_table(
        "plan_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workload", sa.String(200), nullable=False),
        sa.Column("best_practice", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("waiver_id", sa.String(100), nullable=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("workload", "best_practice", "version", name="uq_plan_item_version"),
    )


def downgrade() -> None:
    """Drop them."""
    for table in ("plan_items", "answers", "uploads", "user_sessions", "users"):
        op.drop_table(table)
    op.drop_index("ix_findings_review_rule", "findings")
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("region")
        batch.drop_column("account")
