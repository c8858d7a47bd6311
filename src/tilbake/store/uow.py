"""The unit of work: one connection in one transaction, with the repositories bound to it.

Core repositories are attributes; any other repository (an area's own, e.g. export batches) is
reached with `uow.repo(ExportBatchRepository)` without touching this file: a repository is any class
built from a Connection.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy import Connection

from tilbake.store.orgs import OrgRepository, TokenRepository, TypeRepository
from tilbake.store.suggestions import SuggestionRepository


class _Repository(Protocol):
    def __init__(self, conn: Connection) -> None: ...


R = TypeVar("R", bound=_Repository)


class UnitOfWork:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.orgs = OrgRepository(conn)
        self.tokens = TokenRepository(conn)
        self.types = TypeRepository(conn)
        self.suggestions = SuggestionRepository(conn)

    def repo(self, cls: type[R]) -> R:
        return cls(self.conn)
