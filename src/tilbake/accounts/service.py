"""Organizations and their API tokens. A token is shown once; only its sha256 is stored.

``AccountService`` is what the faces call; ``authenticate`` and ``org_id`` run inside another
service's unit of work (a request costs one transaction, authentication included).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from tilbake.accounts.repository import OrgRepository, TokenRepository
from tilbake.audit import service as audit
from tilbake.errors import AuthError, ConflictError, NotFoundError, ValidationError
from tilbake.store import Database, UnitOfWork

TOKEN_PREFIX = "tlb_"


@dataclass(frozen=True)
class Principal:
    """Who is calling: an organization, through one of its API tokens (``token_id``) or, for a local
    operator who has the data directory (the CLI), directly (``token_id`` None)."""

    org_id: int
    org_name: str
    token_id: int | None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _org(uow: UnitOfWork, name: str) -> dict[str, Any]:
    org = uow.repo(OrgRepository).by_name(name)
    if org is None:
        known = ", ".join(row["name"] for row in uow.repo(OrgRepository).list()) or "none yet"
        raise NotFoundError(f"no organization named {name!r} (known: {known})")
    return org


def _issue(uow: UnitOfWork, org_id: int, name: str) -> tuple[dict[str, Any], str]:
    token = _new_token()
    return uow.repo(TokenRepository).add(org_id, name, hash_token(token), token[:12]), token


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
    row = uow.repo(TokenRepository).find_active(hash_token(token))
    if row is None:
        raise AuthError("unknown or revoked API token")
    return Principal(org_id=row["organization_id"], org_name=row["organization"], token_id=row["id"])


class AccountService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create_org(self, name: str) -> tuple[dict[str, Any], str]:
        """A new organization and its first API token (returned in clear this once)."""
        name = name.strip()
        if not 1 <= len(name) <= 200:
            raise ValidationError("an organization name is 1-200 characters", field="name")
        with self.db.unit_of_work() as uow:
            if uow.repo(OrgRepository).by_name(name) is not None:
                raise ConflictError(f"an organization named {name!r} exists already")
            org = uow.repo(OrgRepository).create(name)
            token, clear = _issue(uow, org["id"], "default")
            audit.record(uow, org["id"], None, "created", "organization", name)
            audit.record(uow, org["id"], None, "created", "token", str(token["id"]))
        return org, clear

    def list_orgs(self) -> list[dict[str, Any]]:
        with self.db.unit_of_work(write=False) as uow:
            return uow.repo(OrgRepository).list()

    def authenticate(self, token: str | None) -> Principal:
        """The organization behind an API token, in a transaction of its own (AuthError if none)."""
        with self.db.unit_of_work(write=False) as uow:
            return authenticate(uow, token)

    def local(self, org_name: str) -> Principal:
        """The organization named by a local operator (the CLI), as a caller of the other services."""
        with self.db.unit_of_work(write=False) as uow:
            return Principal(org_id(uow, org_name), org_name, token_id=None)

    def create_token(self, org_name: str, token_name: str = "default") -> tuple[dict[str, Any], str]:
        with self.db.unit_of_work() as uow:
            org = org_id(uow, org_name)
            token, clear = _issue(uow, org, token_name)
            audit.record(uow, org, None, "created", "token", str(token["id"]))
        return token, clear

    def list_tokens(self, org_name: str) -> list[dict[str, Any]]:
        with self.db.unit_of_work(write=False) as uow:
            return uow.repo(TokenRepository).list(org_id(uow, org_name))

    def revoke_token(self, org_name: str, token_id: int) -> None:
        with self.db.unit_of_work() as uow:
            org = org_id(uow, org_name)
            if not uow.repo(TokenRepository).revoke(org, token_id):
                raise NotFoundError(f"organization {org_name!r} has no live token with id {token_id}")
            audit.record(uow, org, None, "revoked", "token", str(token_id))
