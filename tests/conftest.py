"""Shared fixtures: a database on SQLite and on PostgreSQL (parametrized), and an organization.

PostgreSQL: TILBAKE_TEST_PG_URL (default postgres@127.0.0.1:5432) must answer; each pytest worker
creates its own throwaway database and drops it at the end. With TILBAKE_REQUIRE_POSTGRES=1 (make
test, CI) an unreachable server FAILS the PostgreSQL tests instead of skipping them.
Tests are isolated by organization: each test gets a fresh one, so the databases are shared per run.
"""

from __future__ import annotations

import os
import uuid

import pytest

from tilbake.accounts.service import AccountService
from tilbake.store import open_database
from tilbake.store.testing import DEFAULT_PG_URL, postgres_reachable, throwaway_postgres

PG_URL = os.environ.get("TILBAKE_TEST_PG_URL", DEFAULT_PG_URL)
REQUIRE_PG = os.environ.get("TILBAKE_REQUIRE_POSTGRES") == "1"


@pytest.fixture(autouse=True)
def _same_umask_after_each_test():
    """The CLI sets the process umask to 077 when it starts (tilbake.files); in-process CLI tests must
    not hand that on to the tests after them."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    problem = postgres_reachable(PG_URL)
    if problem:
        message = f"PostgreSQL is not reachable ({problem}); set TILBAKE_TEST_PG_URL"
        if REQUIRE_PG:
            pytest.fail(f"{message} -- TILBAKE_REQUIRE_POSTGRES=1 makes this a failure", pytrace=False)
        pytest.skip(message)
    return PG_URL


@pytest.fixture(scope="session")
def postgres_database(pg_server_url):
    with throwaway_postgres(pg_server_url) as url:
        db = open_database(url)
        yield db
        db.dispose()


@pytest.fixture(scope="session")
def sqlite_database(tmp_path_factory):
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'tilbake.db'}")
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request):
    """The shared test database, once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_database")


@pytest.fixture
def org(db):
    """A fresh organization: (org row, API token)."""
    return AccountService(db).create_org(f"klinikk-{uuid.uuid4().hex[:10]}")


@pytest.fixture
def services(db, tmp_path):
    """The wiring root over the test database, with its data directory in tmp_path."""
    from tilbake.config import Settings
    from tilbake.wiring import Services

    return Services(Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)}), db)


TINY_PATTERNS = [
    {"label": "PERSON", "pattern": "Kari Nordmann"},
    {"label": "PERSON", "pattern": [{"LOWER": "ola"}, {"LOWER": "hansen"}]},
    {"label": "ORG", "pattern": "Majorstua legesenter"},
    {"label": "LOCATION", "pattern": "Tromsø"},
    {"label": "PERSON", "pattern": "Dag"},  # a name and a common word ("dag")
    {"label": "PERSON", "pattern": "ANAMNESE Dag"},  # a heading the filter cuts off
]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """A tiny stand-in model (DESIGN §5.7): a blank bokmål pipeline whose entity ruler knows a few names.
    It loads in milliseconds and is deterministic, so the adapter's mechanics (windows, offsets,
    batching) are tested without the shipped model."""
    import json

    import spacy

    from tilbake.deid.detect.ner import LEXICON_FILE

    path = tmp_path_factory.mktemp("models") / "tiny_ner"
    nlp = spacy.blank("nb")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(TINY_PATTERNS)
    nlp.to_disk(path)
    lexicon = {
        "common": ["pasienten", "kontroll", "smerter", "dag"],
        "common_exact": ["MR"],
        "names": ["ola", "hansen", "dag"],
    }
    (path / LEXICON_FILE).write_text(json.dumps(lexicon), "utf-8")
    return path
