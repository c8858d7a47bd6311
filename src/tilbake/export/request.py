"""What an export request carries: who asks, their consent, the scope; and the preview of it.

The consent statement is versioned: the preview shows it, and a create must name the version the
person agreed to, so the stored consent records exactly what they read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from tilbake.capture.repository import SuggestionFilter
from tilbake.errors import ValidationError
from tilbake.export.anonymize import MODES

CONSENT_VERSION = 1
CONSENT_STATEMENT = (
    "Jeg bekrefter at jeg har fullmakt til å eksportere treningsdata for virksomheten, og at "
    "virksomheten samtykker til at de valgte forslagene og beslutningene, etter avidentifisering, "
    "pakkes i en eksport som kan deles med vedlikeholderen av modellen for å forbedre den. "
    "Eksporten kan trekkes tilbake senere."
)
REVOKE_ROWS = ("pending", "excluded")


@dataclass(frozen=True)
class Actor:
    """Who asks: an organization, through an API token (``token_id``) or the local CLI."""

    org_id: int
    token_id: int | None = None
    channel: str = "api"


@dataclass(frozen=True)
class Consent:
    given_by: str = field(repr=False)
    agree: bool
    statement_version: int = CONSENT_VERSION

    def check(self) -> None:
        if self.agree is not True:
            raise ValidationError(
                "consent.agree must be true: an export needs explicit consent", field="consent.agree"
            )
        if not self.given_by.strip() or len(self.given_by) > 200:
            raise ValidationError(
                "consent.given_by must name the person consenting (1-200 characters)",
                field="consent.given_by",
            )
        if self.statement_version != CONSENT_VERSION:
            raise ValidationError(
                f"consent.statement_version must be {CONSENT_VERSION} (the statement shown by the preview)",
                field="consent.statement_version",
            )


@dataclass(frozen=True)
class Scope:
    types: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    mode: str = "tags"

    def check(self) -> None:
        if self.mode not in MODES:
            raise ValidationError(f"mode must be one of {', '.join(MODES)}, got {self.mode!r}", field="mode")

    def filter(self) -> SuggestionFilter:
        return SuggestionFilter(types=self.types, since=self.since, until=self.until)

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["types"] = list(self.types)
        for key in ("since", "until"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


_ROWS = {  # decision, corrected -> rows per format (before de-duplication and the leak gate)
    ("accepted_as_is", False): (1, 0, 1),
    ("accepted_as_is", True): (1, 0, 1),
    ("minor_edit", True): (1, 1, 2),
    ("major_edit", True): (1, 1, 2),
    ("rejected", True): (0, 1, 2),
    ("rejected", False): (0, 0, 1),
}


def preview_counts(groups: list[Any], scope: Scope) -> dict[str, Any]:
    per_type: dict[str, dict[str, int]] = {}
    rows = {"sft": 0, "dpo": 0, "kto": 0}
    skipped, total = 0, 0
    for stype, decision, corrected, n in groups:
        total += n
        per_type.setdefault(stype, {}).setdefault(decision, 0)
        per_type[stype][decision] += n
        yields = _ROWS.get((decision, bool(corrected)))
        if yields is None:
            skipped += n
            continue
        for fmt, k in zip(rows, yields, strict=True):
            rows[fmt] += k * n
    return {
        "scope": scope.as_json(),
        "pending_total": total,
        "per_type_and_decision": per_type,
        "rows_at_most": rows,
        "skipped": skipped,
        "note": "rows before de-duplication and the leak gate, which run during the export",
    }
