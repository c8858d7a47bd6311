"""Merging: idempotent, atomic, a bad bundle merges nothing, provenance on every row."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from merge_fixtures import examples, make_bundle, rewrite_member

from tilbake.errors import ConflictError
from tilbake.merge import merger
from tilbake.merge.service import Input

HERE = Path(__file__).parent


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the dataset directory and its sha256."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def log(root: Path) -> list[dict]:
    return [json.loads(x) for x in (root / "merge_log.jsonl").read_text().splitlines()]


def rows(root: Path, fmt: str, split: str = "train") -> list[dict]:
    return pq.read_table(root / fmt / f"{split}.parquet").to_pylist()


def all_rows(root: Path, fmt: str) -> list[dict]:
    return rows(root, fmt, "train") + rows(root, fmt, "test")


def test_merge_writes_every_row_with_consent_and_an_opaque_practice(service, bundle, tmp_path):
    out = service.merge([Input(bundle, "Klinikk Nord AS")], tmp_path / "ds")
    assert [e["event"] for e in out["entries"]] == ["merged"]
    ds = tmp_path / "ds"
    for fmt in ("sft", "dpo", "kto"):
        got = all_rows(ds, fmt)
        assert got, fmt
        for row in got:
            meta = row["metadata"]
            assert meta["consent_id"] == "consent-bundle-a" and meta["bundle_id"] == "bundle-a"
            assert meta["practice_id"].startswith("p-") and "Klinikk" not in meta["practice_id"]
    text = "".join(p.read_text(errors="ignore") for p in ds.rglob("*") if p.is_file())
    assert "Klinikk Nord" not in text  # the practice's name is nowhere in the dataset


def test_the_same_bundle_twice_changes_nothing_but_the_log(service, bundle, tmp_path):
    ds = tmp_path / "ds"
    service.merge([Input(bundle, "A")], ds)
    before = snapshot(ds)
    again = service.merge([Input(bundle, "A")], ds)
    assert again["entries"][0] == {
        "event": "skipped",
        "file": "bundle-a.zip",
        "bundle_id": "bundle-a",
        "reason": "already merged",
    }
    after = snapshot(ds)
    assert {k: v for k, v in after.items() if k != "merge_log.jsonl"} == {
        k: v for k, v in before.items() if k != "merge_log.jsonl"
    }
    assert log(ds)[-1]["event"] == "skipped"


def test_a_bad_bundle_merges_nothing_and_the_good_ones_merge(service, bundle, tmp_path):
    other = make_bundle(tmp_path / "in", "bundle-b", examples(2, 12))
    bad = rewrite_member(other, "sft.jsonl", lambda d: d.replace(b"Vondt", b"Vondr", 1))
    out = service.merge([Input(bad, "B"), Input(bundle, "A")], tmp_path / "ds")
    assert [e["event"] for e in out["entries"]] == ["rejected", "merged"]
    assert out["rejected"] == 1
    assert "sft.jsonl: sha256 differs" in out["entries"][0]["check"]
    ids = {r["metadata"]["bundle_id"] for f in ("sft", "dpo", "kto") for r in all_rows(tmp_path / "ds", f)}
    assert ids == {"bundle-a"}
    assert any(e["event"] == "rejected" for e in log(tmp_path / "ds"))


def test_same_export_id_with_other_contents_is_rejected(service, bundle, tmp_path):
    ds = tmp_path / "ds"
    service.merge([Input(bundle, "A")], ds)
    impostor = make_bundle(tmp_path / "other", "bundle-a", examples(5, 8))
    out = service.merge([Input(impostor, "A")], ds)
    assert out["rejected"] == 1 and "merged before with different contents" in out["entries"][0]["check"]


def test_a_failure_mid_merge_leaves_the_previous_dataset_intact(service, bundle, tmp_path, monkeypatch):
    ds = tmp_path / "ds"
    service.merge([Input(bundle, "A")], ds)
    before = snapshot(ds)
    later = [make_bundle(tmp_path / "in", f"bundle-{c}", examples(i, 30)) for i, c in enumerate("bcd", 7)]
    calls = {"n": 0}
    real = merger.Merger._batch

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:  # the second new bundle is half merged
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(merger.Merger, "_batch", failing)
    with pytest.raises(OSError, match="No space"):
        service.merge([Input(p, "B") for p in later], ds)
    assert snapshot(ds) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ds.lock", "ds", "in"]  # no work folder
    monkeypatch.setattr(merger.Merger, "_batch", real)
    out = service.merge([Input(p, "B") for p in later], ds)  # and the next merge works
    assert [e["event"] for e in out["entries"]] == ["merged"] * 3


def test_a_killed_merge_leaves_the_previous_dataset_intact(service, bundle, tmp_path):
    ds = tmp_path / "ds"
    service.merge([Input(bundle, "A")], ds)
    before = snapshot(ds)
    later = [make_bundle(tmp_path / "in", f"bundle-{c}", examples(i, 200)) for i, c in enumerate("xy", 3)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])}
    child = subprocess.Popen(
        [sys.executable, str(HERE / "kill_merge.py"), str(ds), *map(str, later)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        for _ in range(3):  # three batches in: row files half written in the work folder
            assert child.stdout.readline().strip() == "batch"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert (tmp_path / ".ds.work").exists()  # the kill left its debris ...
    assert snapshot(ds) == before  # ... and the dataset as it was
    out = service.merge([Input(p, "B") for p in later], ds)  # the next merge sweeps it and works
    assert [e["event"] for e in out["entries"]] == ["merged", "merged"]
    assert not (tmp_path / ".ds.work").exists()


def test_a_half_done_swap_is_put_back(service, bundle, tmp_path):
    ds = tmp_path / "ds"
    service.merge([Input(bundle, "A")], ds)
    before = snapshot(ds)
    os.rename(ds, tmp_path / ".ds.old")  # killed between the two renames
    assert service.status(ds)["bundles"]["merged"] == 1
    assert snapshot(ds) == before


def test_a_folder_that_is_no_dataset_is_refused(service, bundle, tmp_path):
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / "thesis.tex").write_text("x")
    with pytest.raises(ConflictError, match="not a tilbake dataset"):
        service.merge([Input(bundle, "A")], tmp_path / "ds")
    assert (tmp_path / "ds" / "thesis.tex").read_text() == "x"
