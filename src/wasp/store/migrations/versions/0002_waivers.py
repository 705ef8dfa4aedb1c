"""Waivers (accepted risks) and their audit trail."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    """Create waivers and waiver_events."""
    op.create_table(
        "waivers",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("resource", sa.Text, nullable=False),
        sa.Column("account", sa.String(40), nullable=False),
        sa.Column("region", sa.String(40), nullable=False),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("expires", sa.Date, nullable=False),
    )
    op.create_table(
        "waiver_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("waiver_id", sa.String(100), nullable=False, index=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=True),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("waiver_events")
    op.drop_table("waivers")
