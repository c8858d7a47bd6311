"""Organizations and their API tokens. A token is shown once; only its sha256 is stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from tilbake.errors import AuthError, ConflictError, NotFoundError, ValidationError
from tilbake.store import Database, UnitOfWork

TOKEN_PREFIX = "tlb_"


@dataclass(frozen=True)
class Principal:
    """Who is calling: the organization a token belongs to."""

    org_id: int
    org_name: str
    token_id: int


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _org(uow: UnitOfWork, name: str) -> dict[str, Any]:
    org = uow.orgs.by_name(name)
    if org is None:
        known = ", ".join(row["name"] for row in uow.orgs.list()) or "none yet"
        raise NotFoundError(f"no organization named {name!r} (known: {known})")
    return org


def _issue(uow: UnitOfWork, org_id: int, name: str) -> tuple[dict[str, Any], str]:
    token = _new_token()
    return uow.tokens.add(org_id, name, hash_token(token), token[:12]), token


def create_org(db: Database, name: str) -> tuple[dict[str, Any], str]:
    """A new organization and its first API token (returned in clear this once)."""
    name = name.strip()
    if not 1 <= len(name) <= 200:
        raise ValidationError("an organization name is 1-200 characters", field="name")
    with db.unit_of_work() as uow:
        if uow.orgs.by_name(name) is not None:
            raise ConflictError(f"an organization named {name!r} exists already")
        org = uow.orgs.create(name)
        _token, clear = _issue(uow, org["id"], "default")
    return org, clear


def list_orgs(db: Database) -> list[dict[str, Any]]:
    with db.unit_of_work(write=False) as uow:
        return uow.orgs.list()


def create_token(db: Database, org_name: str, token_name: str = "default") -> tuple[dict[str, Any], str]:
    with db.unit_of_work() as uow:
        return _issue(uow, _org(uow, org_name)["id"], token_name)


def list_tokens(db: Database, org_name: str) -> list[dict[str, Any]]:
    with db.unit_of_work(write=False) as uow:
        return uow.tokens.list(_org(uow, org_name)["id"])


def revoke_token(db: Database, org_name: str, token_id: int) -> None:
    with db.unit_of_work() as uow:
        if not uow.tokens.revoke(_org(uow, org_name)["id"], token_id):
            raise NotFoundError(f"organization {org_name!r} has no live token with id {token_id}")


def org_id(uow: UnitOfWork, org_name: str) -> int:
    return int(_org(uow, org_name)["id"])


def check_token_shape(token: str | None) -> None:
    if not token:
        raise AuthError("missing API token: send 'Authorization: Bearer <token>'")
    if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
        raise AuthError(f"malformed API token: tilbake tokens start with {TOKEN_PREFIX!r}")


def authenticate(uow: UnitOfWork, token: str | None) -> Principal:
    """The caller's organization, or AuthError (missing, malformed, unknown or revoked token)."""
    check_token_shape(token)
    assert token is not None
    row = uow.tokens.find_active(hash_token(token))
    if row is None:
        raise AuthError("unknown or revoked API token")
    return Principal(org_id=row["organization_id"], org_name=row["organization"], token_id=row["id"])
