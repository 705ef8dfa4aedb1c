"""`wasp serve` authentication: users' email and OIDC binding, the ID token of a session (for logout at the
provider), and failed logins kept in the store so that every server process shares the rate limit.

Users whose name is an email address (the old OIDC matching compared the ``email`` claim with the name) get that
address, lower-cased, as their email, unless another user's name differs from it only in case: their first OIDC
login then binds them when the provider says the address is verified.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    """Add the columns (nullable) and the failed-login table; carry email-like names over as emails."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("email", sa.String(320), nullable=True))
        batch.add_column(sa.Column("oidc_issuer", sa.String(500), nullable=True))
        batch.add_column(sa.Column("oidc_subject", sa.String(255), nullable=True))
    with op.batch_alter_table("user_sessions") as batch:
        batch.add_column(sa.Column("id_token", sa.Text, nullable=True))
    op.execute(
        "UPDATE users SET email = lower(name) WHERE name LIKE '%@%' AND NOT EXISTS "
        "(SELECT 1 FROM users other WHERE other.id <> users.id AND lower(other.name) = lower(users.name))"
    )
    op.create_index("ix_users_email", "users", ["email"], unique=True)
    op.create_index("uq_users_oidc", "users", ["oidc_issuer", "oidc_subject"], unique=True)
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    """Drop them."""
    op.drop_table("login_failures")
    op.drop_index("uq_users_oidc", "users")
    op.drop_index("ix_users_email", "users")
    with op.batch_alter_table("user_sessions") as batch:
        batch.drop_column("id_token")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("oidc_subject")
        batch.drop_column("oidc_issuer")
        batch.drop_column("email")
