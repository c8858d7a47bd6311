"""`import_chiroclick` from a real PostgreSQL source (the fixture schema) into both databases."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from tests.capture.chiroclick_source import OTHER_PRACTICE, PRACTICE, checksum, chiroclick_database, run_sql

from tilbake.capture.imports.chiroclick import ImportOptions, import_chiroclick
from tilbake.capture.imports.source import read_only_snapshot
from tilbake.capture.repository import SuggestionFilter, SuggestionRepository
from tilbake.errors import InputError, ValidationError

pytestmark = pytest.mark.postgres
OPTIONS = ImportOptions(source_org=PRACTICE, batch_size=3)  # several batches per table


@pytest.fixture
def source(pg_server_url):
    with chiroclick_database(pg_server_url) as url:
        yield url


@pytest.fixture
def who(services, org):
    return services.local(org[0]["name"])


def _stored(db, org_id):
    with db.unit_of_work(write=False) as uow:
        rows = uow.repo(SuggestionRepository).find(org_id, SuggestionFilter(), limit=100)
    return {row["public_id"]: row for row in rows}


def test_both_tables_are_mapped_and_the_rest_is_reported(services, db, org, who, source):
    report = import_chiroclick(services.capture, who, source, OPTIONS).as_dict()
    feedback, suggestions = report["tables"]["ai_feedback"], report["tables"]["ai_suggestions"]
    assert (feedback["read"], feedback["imported"], feedback["already_imported"]) == (8, 4, 0)
    assert feedback["skipped"] == {
        "correction_type 'weird' unknown": 1,
        "invalid user_rating": 1,
        "suggestion type 'x_ray_report' not registered (tilbake types add)": 1,
        "training_status rejected (the practice kept it out of training)": 1,
    }
    assert (suggestions["read"], suggestions["imported"]) == (7, 4)
    assert suggestions["skipped"] == {
        "MODIFIED without modified_text": 1, "feedback_status 'ARCHIVED' unknown": 1, "invalid confidence": 1}

    rows = _stored(db, org[0]["id"])
    classes = {pid: row["correction_type"] for pid, row in rows.items()}
    assert classes == {
        "f0000000-0000-4000-8000-000000000001": "accepted_as_is",
        "f0000000-0000-4000-8000-000000000002": "minor_edit",  # legacy 'modified'
        "f0000000-0000-4000-8000-000000000003": "rejected",
        "f0000000-0000-4000-8000-000000000009": "major_edit",  # legacy 'edited'
        "ai_suggestions:50000000-0000-4000-8000-000000000001": "accepted_as_is",
        "ai_suggestions:50000000-0000-4000-8000-000000000002": "minor_edit",
        "ai_suggestions:50000000-0000-4000-8000-000000000004": "rejected",
        "ai_suggestions:50000000-0000-4000-8000-000000000005": None,  # PENDING: undecided
    }
    modified = rows["ai_suggestions:50000000-0000-4000-8000-000000000002"]
    assert modified["user_correction"] == (
        "Pasienten er bedre etter fire behandlinger og fortsetter med øvelser.")
    assert modified["suggestion_type"] == "clinical_summary" and modified["confidence_score"] == 0.7
    rejected = rows["ai_suggestions:50000000-0000-4000-8000-000000000004"]
    assert rejected["feedback_notes"] == "for tidlig å henvise"
    assert rows["ai_suggestions:50000000-0000-4000-8000-000000000005"]["decided_at"] is None
    first = rows["f0000000-0000-4000-8000-000000000001"]
    assert first["context_data"] == {"chief_complaint": "korsryggsmerter", "patient_age": 44}
    assert first["encounter_id"] == "e0000000-0000-4000-8000-000000000001"
    assert first["created_at"].isoformat() == "2025-05-02T07:15:00+00:00"
    # input_text is never read, so it is nowhere in tilbake
    assert not any("INNDATA-MARKØR" in str(row) for row in rows.values())


def test_a_rerun_imports_nothing_new(services, db, org, who, source):
    import_chiroclick(services.capture, who, source, OPTIONS)
    before = _stored(db, org[0]["id"])
    again = import_chiroclick(services.capture, who, source, OPTIONS).as_dict()["tables"]
    assert [(t["imported"], t["already_imported"]) for t in again.values()] == [(0, 4), (0, 4)]
    assert _stored(db, org[0]["id"]) == before


def test_a_registered_type_and_a_later_decision_come_on_the_next_run(services, db, org, who, source):
    import_chiroclick(services.capture, who, source, OPTIONS)
    services.capture.add_type(who, "x_ray_report")
    run_sql(source, "UPDATE ai_feedback SET user_correction = 'Annen tekst.' "
                    "WHERE id = 'f0000000-0000-4000-8000-000000000002'")
    again = import_chiroclick(services.capture, who, source, OPTIONS).as_dict()["tables"]["ai_feedback"]
    assert again["imported"] == 1  # the x_ray_report row
    assert again["skipped"]["changed in the source since an earlier import (kept as imported)"] == 1
    kept = _stored(db, org[0]["id"])["f0000000-0000-4000-8000-000000000002"]
    assert kept["user_correction"].endswith("Ingen kjente røde flagg.")


def test_the_source_is_never_written(services, who, source):
    before = checksum(source)
    import_chiroclick(services.capture, who, source, OPTIONS)
    import_chiroclick(services.capture, who, source, OPTIONS)
    assert checksum(source) == before
    with read_only_snapshot(source) as conn:
        assert conn.execute(text("SHOW transaction_read_only")).scalar() == "on"
        assert conn.execute(text("SHOW transaction_isolation")).scalar() == "repeatable read"
        with pytest.raises(DBAPIError, match="ReadOnlySqlTransaction"):
            conn.execute(text("UPDATE ai_feedback SET feedback_notes = 'x'"))
    assert checksum(source) == before


def test_until_reads_only_older_rows(services, who, source):
    options = ImportOptions(source_org=PRACTICE, until=datetime(2025, 5, 4, 10, 0))  # naive: UTC
    tables = import_chiroclick(services.capture, who, source, options).as_dict()["tables"]
    assert (tables["ai_feedback"]["read"], tables["ai_feedback"]["imported"]) == (3, 3)
    assert tables["ai_suggestions"]["read"] == 0  # (the third row is 09:00 UTC: 11:00 at +02)


def test_a_database_of_several_practices_needs_source_org(services, who, source):
    with pytest.raises(ValidationError, match=f"more than one organization.*{OTHER_PRACTICE}") as caught:
        import_chiroclick(services.capture, who, source, ImportOptions())
    assert caught.value.field == "source_org"
    other = import_chiroclick(services.capture, who, source, ImportOptions(source_org=OTHER_PRACTICE))
    assert [t["imported"] for t in other.as_dict()["tables"].values()] == [1, 1]


def test_a_suggestions_table_without_a_type_column(services, db, org, who, source):
    run_sql(source, "ALTER TABLE ai_suggestions DROP COLUMN task_type")
    with pytest.raises(ValidationError, match="--suggestions-type"):
        import_chiroclick(services.capture, who, source, OPTIONS)
    options = ImportOptions(source_org=PRACTICE, suggestions_type="soap_notes")
    import_chiroclick(services.capture, who, source, options)
    stored = _stored(db, org[0]["id"])["ai_suggestions:50000000-0000-4000-8000-000000000002"]
    assert stored["suggestion_type"] == "soap_notes"


def test_missing_tables_and_columns_are_named(services, who, pg_server_url):
    with chiroclick_database(pg_server_url, rows=False) as url:
        run_sql(url, "DROP TABLE ai_suggestions; ALTER TABLE ai_feedback DROP COLUMN original_suggestion")
        with pytest.raises(InputError, match="ai_feedback lacks the column.*original_suggestion"):
            import_chiroclick(services.capture, who, url, OPTIONS)
        run_sql(url, "DROP TABLE ai_feedback")
        with pytest.raises(InputError, match="neither ai_feedback nor ai_suggestions"):
            import_chiroclick(services.capture, who, url, OPTIONS)


NO_SERVER = "postgresql://reader:s3cret-pw@127.0.0.1:1/ehr"


@pytest.mark.parametrize(("url", "message"), [
    ("sqlite:///ehr.db", "must be a PostgreSQL URL"),
    ("not a url", "must be a PostgreSQL URL"),
    ("postgresql+nodriver://reader@127.0.0.1/ehr", "must be a PostgreSQL URL"),  # no such driver
    (NO_SERVER, "cannot connect to the source database 127.0.0.1:1/ehr "),
])
def test_bad_source_urls(services, who, url, message):
    with pytest.raises(InputError, match=message) as caught:
        import_chiroclick(services.capture, who, url, OPTIONS)
    assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize(("value", "shown"), [
    ("ARCHIVED", "feedback_status 'ARCHIVED' unknown"),
    ("archived", "feedback_status 'archived' unknown"),
    ("Hansen", "feedback_status an unlisted value unknown"),  # could be a word someone typed
    ("ikke ferdig", "feedback_status an unlisted value unknown"),
])
def test_reports_name_only_code_like_values(value, shown):
    from tilbake.capture.imports.chiroclick import suggestion_record

    row = {"id": 1, "feedback_status": value, "suggested_text": "Tekst.", "created_at": None}
    assert suggestion_record(row, "soap_notes") == shown
