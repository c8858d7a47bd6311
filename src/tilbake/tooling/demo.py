"""Demo data: an organization filled with realistic synthetic Norwegian suggestions.

Records come from `tilbake.tooling.synth.suggestions` (every suggestion type and every decision class, with
made-up names and numbers); about one in twenty is left undecided so the pending state shows too.
They go through the same validation and decision rule as the API, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tilbake.accounts.service import Principal
from tilbake.capture.schemas import DecisionIn, FeedbackIn, SuggestionIn
from tilbake.errors import ConflictError
from tilbake.files import private_dir
from tilbake.wiring import Services

UNDECIDED_EVERY = 20
_DECISION_KEYS = set(DecisionIn.model_fields)


@dataclass(frozen=True)
class DemoResult:
    org_name: str
    token: str | None = None  # set when the organization was created now
    admin: str | None = None  # the demo admin's user name and password, made now
    password: str | None = None
    inserted: int = 0
    skipped: bool = False


def demo_records(n: int, seed: int) -> list[FeedbackIn | SuggestionIn]:
    from tilbake.tooling.synth import suggestions

    out: list[FeedbackIn | SuggestionIn] = []
    for i, raw in enumerate(suggestions(n, seed)):
        record: dict[str, Any] = {k: v for k, v in raw.items() if not k.startswith("_") and v is not None}
        if i % UNDECIDED_EVERY == UNDECIDED_EVERY - 1:
            out.append(SuggestionIn(**{k: v for k, v in record.items() if k not in _DECISION_KEYS}))
            continue
        created = dt.datetime.fromisoformat(record["created_at"])
        record["decided_at"] = created + dt.timedelta(milliseconds=record.get("time_to_decision", 0))
        out.append(FeedbackIn(**record))
    return out


TOKEN_FILE = "demo-token"
PASSWORD_FILE = "demo-password"


def save_private(data_dir: Path, name: str, secret: str) -> Path:
    """Keep a demo secret (the organization's token, the admin's password) in a file only its owner
    can read: ``make run``'s output may well end up in a log file, so neither is ever printed."""
    private_dir(data_dir)
    path = data_dir / name
    tmp = data_dir / f".{name}.tmp"
    tmp.unlink(missing_ok=True)
    with os.fdopen(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "w") as fh:
        fh.write(secret + "\n")
    os.replace(tmp, path)
    return path


def run_demo(services: Services, *, org_name: str = "demo", n: int = 500, seed: int = 7,
             if_empty: bool = False) -> DemoResult:
    """Create `org_name` and fill it; with if_empty, do nothing when any organization exists."""
    accounts = services.accounts
    if if_empty and accounts.list_orgs():
        return DemoResult(org_name=org_name, skipped=True)
    try:
        org, token = accounts.create_org(org_name)
    except ConflictError:
        org, token = next(o for o in accounts.list_orgs() if o["name"] == org_name), None
    who = Principal(org_id=org["id"], org_name=org_name, token_id=None)
    inserted = services.capture.import_feedback(who, demo_records(n, seed))
    admin, password = _demo_admin(services, org_name) if token else (None, None)
    return DemoResult(org_name=org_name, token=token, inserted=inserted, admin=admin, password=password)


def _demo_admin(services: Services, org_name: str) -> tuple[str, str]:
    """An admin for the new demo organization, with a random password (kept in a private file)."""
    username, password = f"admin@{org_name}".lower().replace(" ", "-"), secrets.token_urlsafe(12)
    services.people.create_user(org_name, username, "Demo-administrator", "admin", password)
    return username, password
