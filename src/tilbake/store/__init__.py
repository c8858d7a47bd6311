"""Storage: SQLAlchemy Core tables, Alembic migrations, repositories and the unit of work.

    db = open_database(settings.database_url)      # migrates to the newest schema
    with db.unit_of_work() as uow:                 # one transaction
        uow.suggestions.get(org_id, public_id)

Adding a table: declare it on `tables.metadata` (in tables.py or the area's own module), add a
migration `migrations/versions/NNNN_what.py` whose down_revision is the current head, write a
repository class taking a Connection, and reach it as `uow.repo(YourRepository)`.
"""

from __future__ import annotations

from tilbake.store.database import Database, normalize_url, open_database
from tilbake.store.suggestions import PENDING, SuggestionFilter
from tilbake.store.uow import UnitOfWork

__all__ = ["PENDING", "Database", "SuggestionFilter", "UnitOfWork", "normalize_url", "open_database"]
