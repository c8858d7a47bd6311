"""Storage plumbing: the database, the unit of work, migrations and throwaway databases for tests.

    db = open_database(settings.database_url)      # migrates to the newest schema
    db = memory_database()                         # the same, in memory (tests, one process)
    with db.unit_of_work() as uow:                 # one transaction
        uow.repo(SuggestionRepository).get(org_id, public_id)

Areas own their tables and SQL (``<area>/tables.py``, ``<area>/repository.py``). Adding a table:
declare it in the area's tables.py on ``metadata.metadata``, add a migration
``migrations/versions/NNNN_what.py`` whose down_revision is the current head, and write a repository
class taking a Connection.
"""

from __future__ import annotations

from tilbake.store.database import Database, memory_database, normalize_url, open_database
from tilbake.store.uow import UnitOfWork

__all__ = ["Database", "UnitOfWork", "memory_database", "normalize_url", "open_database"]
