"""`tilbake merge` and `tilbake dataset ...` end to end with the real engine (the shipped model).

The done-when scenario of the merge issue: bundles from several practices (one made by the real
`tilbake export create`, the others by the export's own writer), a duplicate bundle, an overlapping
one, a tampered one, a revoked one and the seed's legacy file give the expected dataset, log and card.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.export.export_fixtures import add_suggestions, record
from tests.merge.merge_fixtures import examples, make_bundle, rewrite_member
from typer.testing import CliRunner

from tilbake.accounts.service import AccountService
from tilbake.cli import app
from tilbake.export.rows import build_rows
from tilbake.store import open_database

LEGACY = Path(__file__).parents[1] / "merge" / "data" / "legacy_seed.txt"
FORMATS = ("sft", "dpo", "kto")


def run(*args):
    return CliRunner().invoke(app, [*args])


def exported_bundle(tmp_path, monkeypatch) -> Path:
    """Practice A's bundle through the real export: database, engine, leak gate, consent."""
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path / "a-data"))
    monkeypatch.setenv("TILBAKE_DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.setenv("TILBAKE_SECRET", "s" * 40)
    db = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    org, _ = AccountService(db).create_org("Ryggklinikken")
    add_suggestions(
        db,
        org["id"],
        [
            record(0, "accepted_as_is", "Pasient Ola Nordmann har vondt i ryggen, bedre etter øvelser."),
            record(1, "minor_edit", "Øvelser tre ganger i uken.", "Øvelser daglig i tre uker."),
            record(2, "rejected", "Hvile i seks uker.", "Gradvis økt aktivitet og kontroll om to uker."),
        ],
    )
    db.dispose()
    made = run("export", "create", "--org", "Ryggklinikken", "--given-by", "Kari Lege", "--agree", "--json")
    assert made.exit_code == 0, made.output
    batch = json.loads(made.output)
    target = tmp_path / "in" / "a.zip"
    target.parent.mkdir(exist_ok=True)
    assert (
        run("export", "download", batch["id"], "--org", "Ryggklinikken", "--output", str(target)).exit_code
        == 0
    )
    return target


def n_rows(exs):
    counts = dict.fromkeys(FORMATS, 0)
    for ex in exs:
        for fmt, rows in build_rows(ex).by_format().items():
            counts[fmt] += len(rows)
    return counts


def dataset_rows(ds):
    return [
        r
        for f in FORMATS
        for s in ("train", "test")
        for r in pq.read_table(ds / f / f"{s}.parquet").to_pylist()
    ]


@pytest.mark.slow
def test_merging_many_practices_gives_the_expected_dataset_log_and_card(tmp_path, monkeypatch):
    a = exported_bundle(tmp_path, monkeypatch)
    a_id = json.loads(
        zipfile.ZipFile(a).read(next(n for n in zipfile.ZipFile(a).namelist() if n.endswith("manifest.json")))
    )["export_id"]
    b_ex, c_new, e_ex = examples(31, 24), examples(32, 12), examples(33, 12)
    b = make_bundle(tmp_path / "in", "b", b_ex)
    c = make_bundle(tmp_path / "in", "c", b_ex[:8] + c_new)  # overlaps b by 8 suggestions
    d = rewrite_member(
        make_bundle(tmp_path / "in", "d", examples(34, 12)), "kto.jsonl", lambda data: data[: len(data) // 2]
    )  # truncated in transit
    e = make_bundle(tmp_path / "in", "e", e_ex)
    a_copy = tmp_path / "in" / "a-again.zip"
    shutil.copy(a, a_copy)  # the same bundle sent twice, by e-mail and on a USB stick
    ds = tmp_path / "dataset"

    out = run(
        "merge",
        f"Ryggklinikken={a}",
        f"Nord={b}",
        f"Sør={c}",
        f"Ryggklinikken={a_copy}",
        f"Vest={d}",
        f"Øst={e}",
        f"Seed={LEGACY}",
        "--into",
        str(ds),
        "--legacy-consent",
        "paper 2024",
    )
    assert out.exit_code == 2, out.output  # the truncated bundle
    assert "error: bundle d-changed.zip: kto.jsonl: line 11: not valid JSON (truncated?)" in out.output
    assert "skipped a-again.zip: already merged" in out.output

    revoked = run("dataset", "revoke", str(ds), "e", "--reason", "Øst withdrew its consent")
    assert revoked.exit_code == 0, revoked.output
    again = run("merge", f"Øst={e}", "--into", str(ds))
    assert again.exit_code == 0 and "skipped e.zip: already revoked" in again.output

    log = [json.loads(x) for x in (ds / "merge_log.jsonl").read_text().splitlines()]
    events = [(x["event"], x.get("file") or x.get("bundle_id")) for x in log]
    assert events == [
        ("merged", "a.zip"),
        ("merged", "b.zip"),
        ("merged", "c.zip"),
        ("skipped", "a-again.zip"),
        ("merged", "e.zip"),
        ("merged", "legacy_seed.txt"),
        ("rejected", "d-changed.zip"),
        ("revoked", "e"),
        ("skipped", "e.zip"),
    ]
    by_file = {x["file"]: x for x in log if x["event"] == "merged"}
    assert by_file["b.zip"]["added"] == n_rows(b_ex)  # clean notes: nothing quarantined
    assert by_file["c.zip"]["duplicates"]["exact"] == sum(n_rows(b_ex[:8]).values())
    assert by_file["c.zip"]["added"] == n_rows(c_new)
    assert by_file["legacy_seed.txt"]["skipped"] == {"template_tokens": 1, "chosen_equals_rejected": 1}

    rows = dataset_rows(ds)
    bundles = {r["metadata"]["bundle_id"] for r in rows}
    assert bundles == {a_id, "b", "c", by_file["legacy_seed.txt"]["bundle_id"]}  # no d, no e
    assert all(r["metadata"]["consent_id"] and r["metadata"]["practice_id"].startswith("p-") for r in rows)
    practices = {r["metadata"]["bundle_id"]: r["metadata"]["practice_id"] for r in rows}
    assert len(set(practices.values())) == 4
    expected = sum(sum(x["added"].values()) for f, x in by_file.items() if f != "e.zip")
    assert len(rows) == expected
    text = json.dumps(rows, ensure_ascii=False)
    assert "Ola Nordmann" not in text and "Kari Nordmann" not in text and "Ryggklinikken" not in text

    card = (ds / "README.md").read_text()
    assert "merged from 4 bundle(s) of 4 practice(s) (1 revoked)" in card
    status = run("dataset", "status", str(ds), "--json")
    assert status.exit_code == 0
    report = json.loads(status.output)
    assert report["new_examples"] == sum(
        by_file[f]["added"]["sft"] + by_file[f]["added"]["dpo"] for f in by_file if f != "e.zip"
    )
    assert report["bundles"] == {"merged": 4, "revoked": 1}


def test_dataset_commands_end_to_end(tmp_path):
    ds = tmp_path / "ds"
    b = make_bundle(tmp_path / "in", "b", examples(41, 80))
    out = run("merge", str(b), "--practice", "Nord", "--into", str(ds), "--no-model")
    assert out.exit_code == 0, out.output and "merged b.zip" in out.output
    status = run("dataset", "status", str(ds), "--threshold", "50")
    assert status.exit_code == 0 and "ready to train" in status.output and "soap_plan" in status.output
    assert run("dataset", "mark-trained", str(ds)).exit_code == 0
    assert "0 new SFT+DPO examples" in run("dataset", "status", str(ds)).output
    recipe = run("dataset", "recipe", str(ds), "--out", str(tmp_path / "r"), "--method", "kto")
    assert recipe.exit_code == 0 and (tmp_path / "r" / "train_kto.py").exists()
    exported = run("dataset", "export", str(ds), "--out", str(tmp_path / "c"), "--layout", "chiroclick")
    assert exported.exit_code == 0 and "train.jsonl" in exported.output
    assert (tmp_path / "c" / "dpo_validation.jsonl").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", "x.zip", "--into", "ds"], "name the practice of x.zip"),
        (["merge", "P=missing.zip", "--into", "ds"], "bundle missing.zip: missing.zip: no such file"),
        (["dataset", "status", "nowhere"], "nowhere is not a tilbake dataset"),
        (["dataset", "revoke", "nowhere", "b"], "not a tilbake dataset"),
        (["dataset", "export", "nowhere", "--out", "o", "--layout", "other"], "unknown layout 'other'"),
        (["dataset", "recipe", "nowhere", "--out", "o"], "holds no merged dataset"),
    ],
)
def test_bad_input_exits_2_naming_the_problem(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    out = run(*args)
    assert out.exit_code == 2, out.output
    assert message in out.output and "Traceback" not in out.output


def test_revoke_says_which_held_duplicates_came_back(tmp_path):
    import dataclasses

    exs = [dataclasses.replace(e, decision="accepted_as_is", correction=None) for e in examples(31, 6)]
    near = [dataclasses.replace(e, original=e.original[:-1] + " i dag.") for e in exs]
    a, b = make_bundle(tmp_path / "in", "a", exs), make_bundle(tmp_path / "in", "b", near)
    ds = tmp_path / "ds"
    assert run("merge", f"A={a}", f"B={b}", "--into", str(ds), "--no-model").exit_code == 0
    out = run("dataset", "revoke", str(ds), "a", "--reason", "A withdrew its consent")
    assert out.exit_code == 0, out.output
    assert "revoked a: removed {'sft': 6, 'dpo': 0, 'kto': 6}" in out.output
    assert "restored from b: {'sft': 6, 'dpo': 0, 'kto': 6}" in out.output
