"""The first client's database for tests: a throwaway PostgreSQL with the fixture schema and rows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from tilbake.store.testing import throwaway_postgres

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "chiroclick"
PRACTICE = "0a000000-0000-4000-8000-000000000001"
OTHER_PRACTICE = "0a000000-0000-4000-8000-000000000002"


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL as psycopg and the importer's users write it (postgresql://...)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def run_sql(url: str, sql: str) -> None:
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute(sql)


@contextmanager
def chiroclick_database(server_url: str, rows: bool = True) -> Iterator[str]:
    """Yield the postgresql:// URL of a fresh database holding the fixture tables (and rows)."""
    with throwaway_postgres(server_url, prefix="tilbake_chiroclick") as url:
        run_sql(url, (FIXTURES / "schema.sql").read_text("utf-8"))
        if rows:
            run_sql(url, (FIXTURES / "rows.sql").read_text("utf-8"))
        yield libpq_url(url)


def checksum(url: str) -> dict[str, str]:
    """An md5 of every row of both tables (all columns, in id order), and their xmin: any write shows."""
    out = {}
    with psycopg.connect(url) as conn:
        for table in ("ai_feedback", "ai_suggestions"):
            query = (f"SELECT md5(coalesce(string_agg(t::text || xmin::text, '|' ORDER BY id), '')) "
                     f"FROM {table} t")
            out[table] = conn.execute(query).fetchone()[0]
    return out
