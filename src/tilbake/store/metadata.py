"""The one MetaData every area's tables are declared on, with stable constraint names.

Each area declares its own tables on it, in its own ``tables.py`` (``TABLE_MODULES``); Alembic
migrations in ``migrations/versions/`` create them. A new table is declared there *and* gets a
migration: the schema on disk only ever changes through migrations.
"""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData

# Stable constraint names let Alembic alter them on SQLite and PostgreSQL alike.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: the areas' table modules, in dependency order (migrations and their tests need every table)
TABLE_MODULES = (
    "tilbake.accounts.tables",
    "tilbake.capture.tables",
    "tilbake.export.tables",
    "tilbake.lifecycle.tables",
    "tilbake.audit.tables",
    "tilbake.review.tables",
)


def all_tables() -> MetaData:
    """``metadata`` with every area's tables declared on it."""
    for module in TABLE_MODULES:
        importlib.import_module(module)
    return metadata
