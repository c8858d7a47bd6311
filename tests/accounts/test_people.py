"""People: users with roles, argon2 password hashes, server-side sessions with expiry, the sign-in limit."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from tilbake.accounts.people import PeopleService, SignInLimiter
from tilbake.accounts.service import AccountService
from tilbake.accounts.tables import users, web_sessions
from tilbake.errors import AuthError, ConflictError, NotFoundError, TooManyAttemptsError, ValidationError
from tilbake.store.clock import utcnow

PASSWORD = "riktig-hest-batteri"


@pytest.fixture
def org_name(db):
    return AccountService(db).create_org(f"klinikk-{uuid.uuid4().hex[:8]}")[0]["name"]


@pytest.fixture
def people(db):
    return PeopleService(db)


def _user(people, org_name, role="admin"):
    name = f"kari-{uuid.uuid4().hex[:8]}@klinikk.no"
    return people.create_user(org_name, name, "Kari Lege", role, PASSWORD)


def test_a_user_is_stored_with_an_argon2_hash_and_signs_in(db, people, org_name):
    user = _user(people, org_name)
    assert "password_hash" not in user and user["role"] == "admin"
    with db.engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash).where(users.c.id == user["id"])).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    cookie, who = people.sign_in(user["username"].upper(), PASSWORD)
    assert (who.username, who.org_name, who.role) == (user["username"], org_name, "admin")
    assert people.session(cookie) == who
    with db.engine.connect() as conn:  # the database holds the cookie's digest, never the cookie
        ids = conn.execute(select(web_sessions.c.id).where(web_sessions.c.user_id == user["id"])).scalars()
        assert cookie not in list(ids)


def test_wrong_password_and_unknown_name_answer_the_same(people, org_name):
    user = _user(people, org_name)
    with pytest.raises(AuthError, match="wrong user name or password"):
        people.sign_in(user["username"], "feil-passord-123")
    with pytest.raises(AuthError, match="wrong user name or password"):
        people.sign_in("finnes-ikke", PASSWORD)


@pytest.mark.parametrize(("username", "role", "password", "field"), [
    ("ok-name", "owner", PASSWORD, "role"),
    ("ok-name", "admin", "kort", "password"),
    ("x", "admin", PASSWORD, "username"),
    ("navn med mellomrom", "admin", PASSWORD, "username"),
])
def test_bad_users_are_refused_naming_the_field(people, org_name, username, role, password, field):
    with pytest.raises(ValidationError) as err:
        people.create_user(org_name, username, "Navn", role, password)
    assert err.value.field == field
    assert people.list_users(org_name) == []


def test_duplicate_names_and_unknown_organizations_are_refused(people, org_name):
    user = _user(people, org_name)
    with pytest.raises(ConflictError):
        people.create_user(org_name, user["username"], "Noen", "clinician", PASSWORD)
    with pytest.raises(NotFoundError):
        people.create_user("ingen-slik", "ny-bruker", "Noen", "clinician", PASSWORD)


def test_disabling_ends_sessions_and_sign_in(people, org_name):
    user = _user(people, org_name)
    cookie, _ = people.sign_in(user["username"], PASSWORD)
    people.disable_user(org_name, user["username"])
    assert people.session(cookie) is None
    with pytest.raises(AuthError):
        people.sign_in(user["username"], PASSWORD)
    with pytest.raises(NotFoundError):
        people.disable_user(org_name, user["username"])
    assert people.list_users(org_name)[0]["disabled_at"] is not None


def test_sessions_expire_and_sign_out_removes_them(db, org_name):
    now = [utcnow()]
    people = PeopleService(db, clock=lambda: now[0], session_hours=1)
    user = _user(people, org_name)
    cookie, _ = people.sign_in(user["username"], PASSWORD)
    now[0] += timedelta(minutes=59)
    assert people.session(cookie) is not None
    now[0] += timedelta(minutes=2)
    assert people.session(cookie) is None
    second, _ = people.sign_in(user["username"], PASSWORD)
    people.sign_out(second)
    assert people.session(second) is None
    assert people.session(None) is None and people.session("x" * 500) is None


def test_failed_sign_ins_are_limited_per_name_even_with_the_right_password(db, org_name):
    clock = [0.0]
    people = PeopleService(db, limiter=SignInLimiter(limit=3, window=60, clock=lambda: clock[0]))
    user = _user(people, org_name)
    for _ in range(3):
        with pytest.raises(AuthError):
            people.sign_in(user["username"], "feil-passord-123", "10.0.0.1")
    with pytest.raises(TooManyAttemptsError):
        people.sign_in(user["username"], PASSWORD, "10.0.0.2")
    clock[0] += 61
    assert people.sign_in(user["username"], PASSWORD, "10.0.0.2")[1].username == user["username"]


def test_the_limiter_is_per_address_too_and_bounded():
    clock = [0.0]
    limiter = SignInLimiter(limit=2, window=60, max_keys=100, clock=lambda: clock[0])
    limiter.failed("user:a", "addr:1")
    limiter.failed("user:b", "addr:1")
    assert limiter.blocked("user:c", "addr:1") and not limiter.blocked("user:c", "addr:2")
    for i in range(1000):
        limiter.failed(f"user:{i}")
    assert len(limiter._failures) == 100


def test_a_password_longer_than_allowed_never_matches_its_prefix(people, org_name):
    longest = "p" * 200
    user = people.create_user(org_name, f"lang-{uuid.uuid4().hex[:8]}", "Lang", "clinician", longest)
    assert people.sign_in(user["username"], longest)[1].username == user["username"]
    with pytest.raises(AuthError):
        people.sign_in(user["username"], longest + "ekstra")
