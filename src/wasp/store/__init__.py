"""The review store: SQLAlchemy 2 with Alembic migrations; SQLite by default, PostgreSQL by URL."""

from wasp.store.db import Store, StoreError, default_url, open_store

__all__ = ["Store", "StoreError", "default_url", "open_store"]
