"""People who sign in to the pages: users of an organization with a role, passwords, sessions.

Passwords are hashed with argon2id (argon2-cffi's current defaults; a hash made with older parameters
is upgraded at the next sign-in). A session is a random 256-bit cookie value; the database keeps only
its sha256, the user, an expiry and the session's CSRF token. Failed sign-ins are counted per user name
and per client address in a bounded in-memory window (``SignInLimiter``): past the limit even the right
password is refused until the window has passed.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from tilbake.accounts.people_repository import SessionRepository, UserRepository
from tilbake.accounts.service import Principal, org_id
from tilbake.errors import AuthError, ConflictError, NotFoundError, TooManyAttemptsError, ValidationError
from tilbake.store import Database
from tilbake.store.clock import utcnow

ROLES = ("clinician", "reviewer", "admin")
SESSION_HOURS = 8
MIN_PASSWORD, MAX_PASSWORD = 10, 200
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{1,199}")
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))  # unknown names cost one verify too (no timing oracle)


@dataclass(frozen=True)
class SignedIn:
    """The person behind a live session, and the session's CSRF token."""

    user_id: int
    org_id: int
    org_name: str
    username: str
    display_name: str
    role: str
    csrf_token: str = field(repr=False)

    @property
    def principal(self) -> Principal:
        return Principal(self.org_id, self.org_name, token_id=None)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class SignInLimiter:
    """At most ``limit`` failures per key within ``window`` seconds; at most ``max_keys`` keys are
    remembered (the oldest forgotten first), so a flood of names cannot exhaust memory."""

    def __init__(self, limit: int = 5, window: float = 900.0, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.max_keys, self.clock = limit, window, max_keys, clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()  # requests run in a thread pool

    def _recent(self, key: str) -> deque[float]:
        stamps = self._failures.get(key, deque())
        cutoff = self.clock() - self.window
        while stamps and stamps[0] <= cutoff:
            stamps.popleft()
        return stamps

    def blocked(self, *keys: str) -> bool:
        with self._lock:
            return any(len(self._recent(k)) >= self.limit for k in keys)

    def failed(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                stamps = self._recent(key)
                stamps.append(self.clock())
                self._failures[key] = stamps
                self._failures.move_to_end(key)
            while len(self._failures) > self.max_keys:
                self._failures.popitem(last=False)

    def cleared(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


def session_hash(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


def normalize_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise ValidationError("a user name is 2-200 characters: letters a-z, digits and . _ @ -",
                              field="username")
    return name


def _check_new(role: str, display_name: str, password: str) -> None:
    if role not in ROLES:
        raise ValidationError(f"role must be one of {', '.join(ROLES)}, got {role!r}", field="role")
    if not 1 <= len(display_name.strip()) <= 200:
        raise ValidationError("a display name is 1-200 characters", field="display_name")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ValidationError(f"a password is {MIN_PASSWORD}-{MAX_PASSWORD} characters", field="password")


class PeopleService:
    def __init__(self, db: Database, *, limiter: SignInLimiter | None = None,
                 clock: Callable[[], datetime] = utcnow, session_hours: float = SESSION_HOURS) -> None:
        self.db, self.clock = db, clock
        self.limiter = limiter or SignInLimiter()
        self.session_length = timedelta(hours=session_hours)

    # -- users -----------------------------------------------------------------------------------
    def create_user(self, org_name: str, username: str, display_name: str, role: str, password: str
                    ) -> dict[str, Any]:
        name = normalize_username(username)
        _check_new(role, display_name, password)
        digest = _hasher.hash(password)
        with self.db.unit_of_work() as uow:
            repo = uow.repo(UserRepository)
            if repo.exists(name):
                raise ConflictError(f"a user named {name!r} exists already")
            return repo.add(org_id(uow, org_name), name, display_name.strip(), role, digest)

    def list_users(self, org_name: str) -> list[dict[str, Any]]:
        with self.db.unit_of_work(write=False) as uow:
            return uow.repo(UserRepository).list(org_id(uow, org_name))

    def disable_user(self, org_name: str, username: str) -> None:
        """Disable a user and end their sessions; they can no longer sign in."""
        name = username.strip().lower()
        with self.db.unit_of_work() as uow:
            user_id = uow.repo(UserRepository).disable(org_id(uow, org_name), name)
            if user_id is None:
                raise NotFoundError(f"organization {org_name!r} has no active user named {name!r}")
            uow.repo(SessionRepository).remove_user(user_id)

    # -- sessions --------------------------------------------------------------------------------
    def sign_in(self, username: str, password: str, client: str = "") -> tuple[str, SignedIn]:
        """A new session's cookie value and who it is for; AuthError (never saying which part was
        wrong) or TooManyAttemptsError once the name or address has failed too often."""
        name = username.strip().lower()[:200]
        keys = ("user:" + name, "addr:" + client)
        if self.limiter.blocked(*keys):
            raise TooManyAttemptsError("too many failed sign-ins; wait 15 minutes and try again")
        with self.db.unit_of_work() as uow:
            row = uow.repo(UserRepository).credentials(name)
            verified = _verified(row, password)  # one argon2 verify, whether the name is known or not
            if row is None or not verified:
                self.limiter.failed(*keys)
                raise AuthError("wrong user name or password")
            if _hasher.check_needs_rehash(row["password_hash"]):
                uow.repo(UserRepository).set_hash(row["id"], _hasher.hash(password))
            cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            uow.repo(SessionRepository).add(session_hash(cookie), row["id"], csrf,
                                            self.clock() + self.session_length)
        self.limiter.cleared(keys[0])
        return cookie, SignedIn(row["id"], row["organization_id"], row["organization"], row["username"],
                                row["display_name"], row["role"], csrf)

    def session(self, cookie: str | None) -> SignedIn | None:
        """Who holds this session cookie, or None (missing, unknown, expired, signed out, disabled)."""
        if not cookie or len(cookie) > 100:
            return None
        with self.db.unit_of_work(write=False) as uow:
            row = uow.repo(SessionRepository).live(session_hash(cookie), self.clock())
        if row is None:
            return None
        return SignedIn(row["user_id"], row["organization_id"], row["organization"], row["username"],
                        row["display_name"], row["role"], row["csrf_token"])

    def sign_out(self, cookie: str) -> None:
        with self.db.unit_of_work() as uow:
            repo = uow.repo(SessionRepository)
            repo.remove(session_hash(cookie))
            repo.remove_expired(self.clock())


def _verified(row: dict[str, Any] | None, password: str) -> bool:
    """Whether the password is this user's; an unknown user or an overlong password costs one verify too."""
    digest = row["password_hash"] if row and len(password) <= MAX_PASSWORD else _DUMMY_HASH
    try:
        matches = _hasher.verify(digest, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return False
    return matches and digest is not _DUMMY_HASH
