"""The unit of work: one connection in one transaction; repositories are bound to it on request.

Every area keeps its tables and queries in its own ``repository.py``; a repository is any class built
from a Connection, reached one way: ``uow.repo(SuggestionRepository)``.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy import Connection


class _Repository(Protocol):
    def __init__(self, conn: Connection) -> None: ...


R = TypeVar("R", bound=_Repository)


class UnitOfWork:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def repo(self, cls: type[R]) -> R:
        return cls(self.conn)
