"""Alembic environment: always runs on a connection handed in by tilbake.store.migrate."""

from __future__ import annotations

from alembic import context

from tilbake.store.metadata import all_tables

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through tilbake (Database.migrate), not the alembic command")

# render_as_batch lets ALTERs work on SQLite (copy-and-move), and is a no-op on PostgreSQL.
context.configure(connection=connection, target_metadata=all_tables(), render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
