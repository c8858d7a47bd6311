"""One repository suite, run on SQLite and on PostgreSQL (the `db` fixture is parametrized)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from tilbake.accounts.repository import OrgRepository, TokenRepository
from tilbake.accounts.service import AccountService
from tilbake.capture.repository import PENDING, SuggestionFilter, SuggestionRepository
from tilbake.errors import StorageError

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)



def _rows(uow):
    return uow.repo(SuggestionRepository)

def _row(stype="soap_plan", **extra):
    return {"suggestion_type": stype, "original_suggestion": "Øvelser for korsrygg, 3 x 10.", **extra}


def _decision(ct, **extra):
    return {"accepted": ct != "rejected", "correction_type": ct, **extra}


def _org_id(db, org):
    return org[0]["id"]


def test_insert_and_get_round_trip_every_field(db, org):
    oid = _org_id(db, org)
    context = {"chief_complaint": "nakkesmerter", "patient_age": 47, "diagnosis_codes": ["L83"]}
    values = _row(context_data=context,
                  confidence_score=0.875, model_name="m", model_version="2.1", encounter_id="e-1",
                  session_id="s-1", template_id="t-1")
    with db.unit_of_work() as uow:
        assert _rows(uow).insert(oid, "p1", values, T0)
        row = _rows(uow).get(oid, "p1")
    for key, value in values.items():
        assert row[key] == value, key
    assert row["created_at"] == T0
    assert row["decided_at"] is None and row["correction_type"] is None and row["export_batch_id"] is None


def test_same_public_id_is_refused_in_one_org_and_free_in_another(db, org):
    from tilbake.accounts.service import AccountService

    other = AccountService(db).create_org(f"{org[0]['name']}-b")[0]["id"]
    oid = _org_id(db, org)
    with db.unit_of_work() as uow:
        assert _rows(uow).insert(oid, "dup", _row(), T0)
        assert not _rows(uow).insert(oid, "dup", _row("red_flag"), T0)
        assert _rows(uow).insert(other, "dup", _row("red_flag"), T0)
        assert _rows(uow).get(oid, "dup")["suggestion_type"] == "soap_plan"
        assert _rows(uow).get(other, "dup")["suggestion_type"] == "red_flag"


def test_first_decision_wins(db, org):
    oid = _org_id(db, org)
    with db.unit_of_work() as uow:
        _rows(uow).insert(oid, "d", _row(), T0)
        stored = _rows(uow).decide(oid, "d", _decision("minor_edit", user_correction="x"), T0)
        assert stored["public_id"] == "d"
        assert _rows(uow).decide(oid, "d", _decision("rejected"), T0) is None
        row = _rows(uow).get(oid, "d")
    assert (row["correction_type"], row["user_correction"], row["decided_at"]) == ("minor_edit", "x", T0)


def _fill(db, oid):
    rows = [
        ("a", "soap_plan", "accepted_as_is", T0, 0.9, 5),
        ("b", "soap_plan", "major_edit", T0 + timedelta(hours=1), 0.5, 2),
        ("c", "red_flag", "rejected", T0 + timedelta(days=1), 0.2, 1),
        ("d", "red_flag", None, T0 + timedelta(days=1, hours=2), 0.7, None),
    ]
    with db.unit_of_work() as uow:
        _rows(uow).insert_new(oid, [
            (pid, {**_row(st, confidence_score=conf), **(_decision(ct, user_rating=rating) if ct else {})},
             at, at if ct else None)
            for pid, st, ct, at, conf, rating in rows
        ])


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (SuggestionFilter(), ["d", "c", "b", "a"]),
        (SuggestionFilter(types=["red_flag"]), ["d", "c"]),
        (SuggestionFilter(decisions=["major_edit", "rejected"]), ["c", "b"]),
        (SuggestionFilter(decisions=[PENDING]), ["d"]),
        (SuggestionFilter(decisions=[PENDING, "accepted_as_is"]), ["d", "a"]),
        (SuggestionFilter(since=T0 + timedelta(minutes=30)), ["d", "c", "b"]),
        (SuggestionFilter(until=T0 + timedelta(days=1)), ["b", "a"]),
        # a period given in another time zone means the same instants
        (SuggestionFilter(since=datetime(2026, 3, 3, 10, 0, tzinfo=UTC).astimezone(
            __import__("datetime").timezone(timedelta(hours=1)))), ["d"]),
    ],
)
def test_list_filters(db, org, flt, expected):
    oid = _org_id(db, org)
    _fill(db, oid)
    with db.unit_of_work(write=False) as uow:
        assert [r["public_id"] for r in _rows(uow).find(oid, flt, limit=10)] == expected
        assert _rows(uow).count(oid, flt) == len(expected)


def test_paging_with_before(db, org):
    oid = _org_id(db, org)
    _fill(db, oid)
    with db.unit_of_work(write=False) as uow:
        page1 = _rows(uow).find(oid, SuggestionFilter(), limit=3)
        page2 = _rows(uow).find(oid, SuggestionFilter(), limit=3, before=page1[-1]["id"])
    assert [r["public_id"] for r in page1 + page2] == ["d", "c", "b", "a"]


def test_pending_stats_and_export_batches(db, org):
    oid = _org_id(db, org)
    _fill(db, oid)
    with db.unit_of_work() as uow:
        stats = _rows(uow).pending_stats(oid)
        assert [(s["suggestion_type"], s["correction_type"], s["count"]) for s in stats] == [
            ("red_flag", "rejected", 1), ("soap_plan", "accepted_as_is", 1), ("soap_plan", "major_edit", 1)]
        assert stats[0]["avg_confidence"] == pytest.approx(0.2) and stats[0]["avg_rating"] == pytest.approx(1)
        ids = [r["id"] for r in uow.conn.execute(_rows(uow).pending_query(oid)).mappings()]
        assert len(ids) == 3  # the undecided row is not pending export
        assert _rows(uow).assign_batch(oid, ids[:2], "batch-1") == 2
        assert _rows(uow).assign_batch(oid, ids[:2], "batch-2") == 0  # already exported
        assert sum(s["count"] for s in _rows(uow).pending_stats(oid)) == 1


def test_pending_pages_by_id_skip_exported_undecided_and_later_rows(db, org):
    oid = _org_id(db, org)
    _fill(db, oid)
    with db.unit_of_work() as uow:
        ids = sorted(r["id"] for r in uow.conn.execute(_rows(uow).pending_query(oid)).mappings())
        _rows(uow).assign_batch(oid, ids[:1], "batch-1")
        page = _rows(uow).pending_page(oid, None, 0, max(ids), T0 + timedelta(days=2), 1)
        first = [r["id"] for r in uow.conn.execute(page).mappings()]
        page = _rows(uow).pending_page(oid, None, first[-1], max(ids), T0 + timedelta(days=2), 5)
        rest = [r["id"] for r in uow.conn.execute(page).mappings()]
        early = _rows(uow).pending_page(oid, None, 0, max(ids), T0 + timedelta(minutes=90), 5)
        before_cutoff = [r["id"] for r in uow.conn.execute(early).mappings()]
    assert first + rest == ids[1:]  # in id order, exported and undecided rows left out
    assert before_cutoff == ids[1:2]  # decided after the export began: not in it


@pytest.mark.postgres
def test_postgres_reads_a_pending_page_through_the_partial_index(postgres_database):
    org = AccountService(postgres_database).create_org(f"paging-plan-{uuid.uuid4().hex[:8]}")
    with postgres_database.unit_of_work() as uow:
        # as after a bulk load, before autovacuum has analyzed: the planner must not sort every
        # pending row for each page (what it did through ix_suggestions_org_pending)
        uow.conn.execute(text("SET LOCAL enable_seqscan = off"))
        page = _rows(uow).pending_page(org[0]["id"], None, 10, 10**9, T0, 1000)
        sql = page.compile(dialect=uow.conn.dialect, compile_kwargs={"literal_binds": True})
        plan = "\n".join(r[0] for r in uow.conn.execute(text(f"EXPLAIN {sql}")))
    assert "ix_suggestions_pending_id" in plan and "Sort" not in plan


def test_daily_groups_by_utc_day(db, org):
    oid = _org_id(db, org)
    _fill(db, oid)
    with db.unit_of_work(write=False) as uow:
        rows = _rows(uow).daily(oid, SuggestionFilter())
    got = {(r["day"], r["suggestion_type"], r["correction_type"]): r["count"] for r in rows}
    assert got == {
        ("2026-03-02", "soap_plan", "accepted_as_is"): 1, ("2026-03-02", "soap_plan", "major_edit"): 1,
        ("2026-03-03", "red_flag", "rejected"): 1, ("2026-03-03", "red_flag", None): 1,
    }


def test_unit_of_work_rolls_back_everything_on_error(db, org):
    oid = _org_id(db, org)
    with pytest.raises(RuntimeError), db.unit_of_work() as uow:
        _rows(uow).insert(oid, "half", _row(), T0)
        raise RuntimeError("boom")
    with db.unit_of_work(write=False) as uow:
        assert _rows(uow).get(oid, "half") is None


def test_foreign_keys_are_enforced(db):
    with pytest.raises(StorageError) as info, db.unit_of_work() as uow:
        _rows(uow).insert(987654321, "orphan", _row(), T0)
    assert str(info.value) in ("database error: IntegrityError", "database error: ForeignKeyViolation")


def test_tokens_find_list_revoke(db, org):
    oid = _org_id(db, org)
    with db.unit_of_work() as uow:
        tok = uow.repo(TokenRepository).add(oid, "ci", "f" * 64, "tlb_ffff")
        assert uow.repo(TokenRepository).find_active("f" * 64)["organization_id"] == oid
        assert [t["name"] for t in uow.repo(TokenRepository).list(oid)] == ["default", "ci"]
        assert "token_hash" not in uow.repo(TokenRepository).list(oid)[0]
        assert uow.repo(TokenRepository).revoke(oid, tok["id"])
        assert not uow.repo(TokenRepository).revoke(oid, tok["id"])
        assert uow.repo(TokenRepository).find_active("f" * 64) is None


def test_org_list_counts_suggestions(db, org):
    oid = _org_id(db, org)
    _fill(db, oid)
    with db.unit_of_work(write=False) as uow:
        mine = [o for o in uow.repo(OrgRepository).list() if o["id"] == oid]
    assert mine[0]["suggestions"] == 4


def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_database):
    with sqlite_database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
