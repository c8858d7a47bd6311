"""Throwaway databases for tests and benchmarks (shipped, so every area's tests can use them).

`throwaway_postgres(server_url)` creates `tilbake_test_<random>` on the server the URL points at
and drops it afterwards (with FORCE, so stray connections cannot keep it alive).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tilbake.store.database import normalize_url

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def postgres_reachable(server_url: str) -> str | None:
    """None when the server answers, else why not (the error class and the host, no credentials)."""
    url = make_url(normalize_url(server_url))
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"{type(exc).__name__} connecting to {url.host}:{url.port}"
    finally:
        engine.dispose()
    return None


@contextmanager
def throwaway_postgres(server_url: str, prefix: str = "tilbake_test") -> Iterator[str]:
    """Yield the URL of a fresh, empty database; drop it on exit."""
    url = make_url(normalize_url(server_url))
    name = f"{prefix}_{secrets.token_hex(6)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
