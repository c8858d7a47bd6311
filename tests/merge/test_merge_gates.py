"""The merge's gates: the leak gate again, exact and near duplicates, caps, revocation."""

from __future__ import annotations

import dataclasses
import json
import os

import pytest
from merge_fixtures import examples, make_bundle
from test_merge_service import all_rows, log

from tilbake.errors import NotFoundError
from tilbake.merge.caps import Caps
from tilbake.merge.service import Input

FORMATS = ("sft", "dpo", "kto")


def texts(root):
    return [
        m["content"]
        for f in FORMATS
        for r in all_rows(root, f)
        for k in ("messages", "prompt", "chosen", "rejected", "completion")
        if k in r and r[k]
        for m in r[k]
    ]


def test_rows_the_current_gate_finds_unsafe_are_quarantined(service, tmp_path):
    leaky = [
        "Pasienten ringer på 912 34 567 ved forverring av smerter i korsryggen.",
        "Samtale med Kari Nordmann om trening og gradvis økning av belastning hjemme.",
        "Kontroll 12.03.2024 med vurdering av bevegelighet og videre plan.",
    ]
    exs = examples(3, 8)
    exs[0] = dataclasses.replace(exs[0], original=leaky[0], decision="accepted_as_is")
    exs[1] = dataclasses.replace(exs[1], original=leaky[1], decision="accepted_as_is")
    exs[2] = dataclasses.replace(exs[2], original=leaky[2], decision="accepted_as_is")
    b = make_bundle(tmp_path / "in", "old-engine", exs)
    out = service.merge([Input(b, "A")], tmp_path / "ds")
    entry = out["entries"][0]
    assert sum(entry["quarantined"].values()) == 6  # sft + kto row of each of the three
    assert {"PHONE", "DATE"} <= set(entry["quarantined"]) | {r.split(":")[-1] for r in entry["quarantined"]}
    kept = texts(tmp_path / "ds")
    assert kept and not any(t in kept for t in leaky)
    logged = (tmp_path / "ds" / "merge_log.jsonl").read_text()
    assert "912 34 567" not in logged and "Nordmann" not in logged  # reasons, never text


def test_exact_duplicates_across_bundles_and_against_the_dataset(service, tmp_path):
    ds = tmp_path / "ds"
    exs = examples(4, 20)
    a = make_bundle(tmp_path / "in", "a", exs[:12])
    service.merge([Input(a, "A")], ds)
    before = {f: len(all_rows(ds, f)) for f in FORMATS}
    b = make_bundle(tmp_path / "in", "b", exs[8:])  # overlaps a by 4 suggestions
    c = make_bundle(tmp_path / "in", "c", exs[16:])  # overlaps b by 4, inside one merge
    out = service.merge([Input(b, "B"), Input(c, "C")], ds)
    eb, ec = out["entries"]
    assert eb["duplicates"]["exact"] == sum(len(r) for r in _rows_of(exs[8:12]))
    assert ec["duplicates"]["exact"] == sum(len(r) for r in _rows_of(exs[16:]))
    assert sum(ec["added"].values()) == 0
    after = {f: len(all_rows(ds, f)) for f in FORMATS}
    assert {f: after[f] - before[f] for f in FORMATS} == eb["added"]


def _rows_of(exs):
    from tilbake.export.rows import build_rows

    return [r for ex in exs for r in build_rows(ex).by_format().values()]


def test_near_duplicates_are_removed_but_a_minor_edit_pair_is_kept(service, tmp_path):
    ds = tmp_path / "ds"
    exs = [dataclasses.replace(e, decision="accepted_as_is", correction=None) for e in examples(5, 10)]
    service.merge([Input(make_bundle(tmp_path / "in", "a", exs), "A")], ds)
    near = [dataclasses.replace(e, original=e.original[:-1] + " i dag.") for e in exs]  # one more word
    out = service.merge([Input(make_bundle(tmp_path / "in", "b", near), "B")], ds)
    assert out["entries"][0]["duplicates"] == {"near": 20}  # its sft and kto rows
    minor = [
        dataclasses.replace(e, decision="minor_edit", correction=e.original[:-1] + " i dag.")
        for e in examples(6, 4)
    ]
    out = service.merge([Input(make_bundle(tmp_path / "in", "c", minor), "C")], ds)
    assert out["entries"][0]["added"] == {"sft": 4, "dpo": 4, "kto": 8}  # AI and clinician rows both


def test_caps_per_practice_and_per_type(service, tmp_path):
    ds = tmp_path / "ds"
    big = make_bundle(tmp_path / "in", "big", examples(7, 40))
    small = make_bundle(tmp_path / "in", "small", examples(8, 8))
    out = service.merge([Input(big, "Big"), Input(small, "Small")], ds, caps=Caps(per_practice=10))
    eb, es = out["entries"]
    assert eb["added"] == {"sft": 10, "dpo": 10, "kto": 10}
    assert eb["capped"]["practice"] == sum(len(r) for r in _rows_of(examples(7, 40))) - 30
    assert es["added"]["sft"] == 6 and es["capped"] == {"practice": 4}  # its 14 KTO rows, 10 kept
    later = make_bundle(tmp_path / "in", "big-2", examples(9, 8))
    out = service.merge([Input(later, "Big")], ds, caps=Caps(per_practice=10))  # counts what is there
    assert sum(out["entries"][0]["added"].values()) == 0
    out = service.merge(
        [Input(make_bundle(tmp_path / "in", "t", examples(10, 30)), "T")],
        tmp_path / "d2",
        caps=Caps(per_type=3),
    )
    by_type = {}
    for row in all_rows(tmp_path / "d2", "sft"):
        by_type[row["metadata"]["suggestion_type"]] = by_type.get(row["metadata"]["suggestion_type"], 0) + 1
    assert by_type == {"soap_plan": 3, "soap_assessment": 3, "treatment_plan": 3}
    assert out["entries"][0]["capped"]["type"] > 0


def test_revoking_a_bundle_removes_its_rows_now_and_from_later_builds(service, tmp_path):
    ds = tmp_path / "ds"
    a = make_bundle(tmp_path / "in", "a", examples(11, 12))
    b = make_bundle(tmp_path / "in", "b", examples(12, 12))
    service.merge([Input(a, "A"), Input(b, "B")], ds)
    entry = service.revoke(ds, "a", "the practice withdrew its consent")
    assert entry["removed"]["sft"] > 0
    ids = {r["metadata"]["bundle_id"] for f in FORMATS for r in all_rows(ds, f)}
    assert ids == {"b"}
    assert log(ds)[-1] | {"at": None} == {
        "at": None,
        "event": "revoked",
        "bundle_id": "a",
        "consent_id": "consent-a",
        "removed": entry["removed"],
        "restored": {},
        "reason": "the practice withdrew its consent",
    }
    c = make_bundle(tmp_path / "in", "c", examples(13, 6))
    out = service.merge([Input(a, "A"), Input(c, "C")], ds)  # a later build: a is refused
    assert out["entries"][0]["reason"] == "already revoked"
    ids = {r["metadata"]["bundle_id"] for f in FORMATS for r in all_rows(ds, f)}
    assert ids == {"b", "c"}
    assert not (ds / ".tilbake" / "rows" / "a").exists()
    assert service.revoke(ds, "a", "again")["already"] is True
    with pytest.raises(NotFoundError, match="no bundle zz"):
        service.revoke(ds, "zz", "x")
    card = (ds / "README.md").read_text()
    assert "(1 revoked)" in card
    assert json.loads((ds / ".tilbake" / "state.json").read_text())["bundles"]["a"]["status"] == "revoked"


def test_rows_held_as_duplicates_of_a_revoked_bundle_come_back_through_the_gates(service, tmp_path):
    ds = tmp_path / "ds"
    exs = [dataclasses.replace(e, decision="accepted_as_is", correction=None) for e in examples(14, 10)]
    near = [dataclasses.replace(e, original=e.original[:-1] + " i dag.") for e in exs]
    service.merge([Input(make_bundle(tmp_path / "in", "a", exs), "A")], ds)
    out = service.merge([Input(make_bundle(tmp_path / "in", "b", near), "B"),
                         Input(make_bundle(tmp_path / "in", "c", exs), "C")], ds)
    assert [e["duplicates"] for e in out["entries"]] == [{"near": 20}, {"exact": 20}]
    b_rows = ds / ".tilbake" / "rows" / "b" / "sft.jsonl"
    outside = tmp_path / "b-sft-before.jsonl"
    os.link(b_rows, outside)  # the dataset's own file, as a reader of the old version holds it
    before = outside.read_bytes()

    entry = service.revoke(ds, "a", "consent withdrawn")
    # b (merged first) comes back; c is still a near duplicate of b, so it stays held
    assert entry["restored"] == {"b": {"sft": 10, "dpo": 0, "kto": 10}}
    got = {f: [r["metadata"]["bundle_id"] for r in all_rows(ds, f)] for f in FORMATS}
    assert got == {"sft": ["b"] * 10, "dpo": [], "kto": ["b"] * 10}
    kept = set(texts(ds))
    assert not {e.original for e in exs} & kept and {e.original for e in near} <= kept
    assert outside.read_bytes() == before  # the old version's file was copied, not appended to
    state = json.loads((ds / ".tilbake" / "state.json").read_text())
    assert sum(state["bundles"]["b"]["added_by_type"]["sft"].values()) == 10
    assert service.status(ds)["new_examples"] == 10

    entry = service.revoke(ds, "b", "consent withdrawn")
    assert entry["restored"] == {"c": {"sft": 10, "dpo": 0, "kto": 10}}
    assert {r["metadata"]["bundle_id"] for f in FORMATS for r in all_rows(ds, f)} == {"c"}
    c_practice = state["bundles"]["c"]["practice_id"]
    assert {r["metadata"]["practice_id"] for r in all_rows(ds, "sft")} == {c_practice}
    assert not (ds / ".tilbake" / "held" / "c").exists()  # nothing of c is a duplicate any more


def test_held_duplicates_keep_the_caps_their_merge_was_made_with(service, tmp_path):
    ds = tmp_path / "ds"
    exs = [dataclasses.replace(e, decision="accepted_as_is", correction=None) for e in examples(15, 10)]
    service.merge([Input(make_bundle(tmp_path / "in", "a", exs), "A")], ds)
    near = [dataclasses.replace(e, original=e.original[:-1] + " i dag.") for e in exs]
    service.merge([Input(make_bundle(tmp_path / "in", "b", near), "B")], ds, caps=Caps(per_practice=4))
    entry = service.revoke(ds, "a", "consent withdrawn")
    assert entry["restored"] == {"b": {"sft": 4, "dpo": 0, "kto": 4}}
    assert len(all_rows(ds, "sft")) == 4
