"""Alembic migrations (script_location = "tilbake.store:migrations")."""
