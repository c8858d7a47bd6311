"""What another area may plug into an export, without the export area importing it.

The review area (``review/release.py``) gives, per organization: the arguments that make the
anonymizer, scanner and cleaner use that organization's rules (so the manifest names them), a filter
that holds back rows awaiting review and hands over reviewed ones, and the count of rows held.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from tilbake.export.pipeline import Outcome


class OrgHook(Protocol):
    factory_args: dict[str, Any]

    def records(self, records: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]: ...

    def count_held(self, outcome: Outcome) -> None: ...


class ExportHook(Protocol):
    def for_org(self, org_id: int) -> OrgHook: ...
