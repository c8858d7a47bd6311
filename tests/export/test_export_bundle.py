"""The streaming bundle writer: atomic finish, sha256 per file, exact-duplicate removal, clean aborts."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest
from export_golden import VALID

from tilbake.errors import ExportError
from tilbake.export import formats, manifest
from tilbake.export.bundle import BundleWriter, content_key, sweep_partials
from tilbake.export.manifest import Tally

ROW = VALID["sft"][0][1]


def _finish(writer, tally=None):
    tally = tally or Tally()
    body = manifest.build(
        tally,
        rows=writer.rows,
        duplicates=writer.duplicates,
        versions={"detector": "t"},
        mode="tags",
        consent={"id": "c1"},
        export_id=writer.name,
    )
    return writer.finish(body, manifest.readme(body))


def _unzip(path):
    with zipfile.ZipFile(path) as zf:
        return {name.split("/", 1)[1]: zf.read(name) for name in zf.namelist()}


def test_finish_makes_one_zip_with_all_files_and_no_debris(tmp_path):
    with BundleWriter(tmp_path, "b1") as w:
        for _, row in VALID["kto"]:
            w.add("kto", row)
        path = _finish(w)
    assert path == tmp_path / "b1.zip"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b1.zip"]
    files = _unzip(path)
    assert sorted(files) == ["README.md", "dpo.jsonl", "kto.jsonl", "manifest.json", "sft.jsonl"]
    man = json.loads(files["manifest.json"])
    for name, entry in man["files"].items():
        assert entry["sha256"] == hashlib.sha256(files[name]).hexdigest()
    assert man["counts"]["rows"] == {"sft": 0, "dpo": 0, "kto": 2}
    assert files["dpo.jsonl"] == b""
    lines = files["kto.jsonl"].decode().splitlines()
    assert all(not line.startswith("#") for line in lines)  # no comment lines, ever
    assert [json.loads(x) for x in lines] == [row for _, row in VALID["kto"]]


def test_unpacked_option_keeps_the_directory(tmp_path):
    with BundleWriter(tmp_path, "b2", unpacked=True) as w:
        w.add("sft", ROW)
        _finish(w)
    assert (tmp_path / "b2" / "sft.jsonl").read_text().count("\n") == 1
    assert (tmp_path / "b2.zip").exists()


@pytest.mark.parametrize(
    ("rows", "written", "dups"),
    [
        ([ROW, ROW, ROW], 1, 2),
        (
            [ROW, {**ROW, "metadata": {**ROW["metadata"], "confidence": 0.1}}],
            1,
            1,
        ),  # metadata aside: same example
        (
            [ROW, {**ROW, "messages": [*ROW["messages"][:2], {"role": "assistant", "content": "Annet."}]}],
            2,
            0,
        ),
    ],
)
def test_exact_duplicates_are_written_once_and_counted(tmp_path, rows, written, dups):
    with BundleWriter(tmp_path, "d") as w:
        for row in rows:
            w.add("sft", row)
        path = _finish(w)
    man = json.loads(_unzip(path)["manifest.json"])
    assert man["counts"]["rows"]["sft"] == written
    assert man["counts"]["duplicates_removed"]["sft"] == dups


def test_same_content_in_two_formats_is_not_a_duplicate(tmp_path):
    with BundleWriter(tmp_path, "x") as w:
        assert w.add("dpo", VALID["dpo"][0][1])
        assert w.add("kto", VALID["dpo"][0][1])


def test_content_key_ignores_key_order_and_metadata():
    a = {"prompt": [1], "completion": [2], "label": True, "metadata": {"x": 1}}
    b = {"metadata": {"x": 2}, "label": True, "completion": [2], "prompt": [1]}
    assert content_key(a) == content_key(b)


def test_exception_inside_the_writer_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError), BundleWriter(tmp_path, "boom") as w:
        w.add("sft", ROW)
        raise RuntimeError("crash mid-export")
    assert list(tmp_path.iterdir()) == []


def test_never_overwrites_an_existing_bundle(tmp_path):
    (tmp_path / "same.zip").write_bytes(b"old")
    with pytest.raises(ExportError, match="already exists"):
        BundleWriter(tmp_path, "same")
    assert (tmp_path / "same.zip").read_bytes() == b"old"


def test_sweep_removes_partials_only(tmp_path):
    (tmp_path / ".a.partial").mkdir()
    (tmp_path / ".a.zip.partial").write_bytes(b"x")
    (tmp_path / "done.zip").write_bytes(b"z")
    assert sweep_partials(tmp_path) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["done.zip"]
    assert sweep_partials(tmp_path / "missing") == 0


def test_every_produced_file_loads_in_datasets_and_passes_the_format_check(tmp_path):
    import datasets

    from tilbake.export.rows import DECISIONS, Example, build_rows

    with BundleWriter(tmp_path, "hf", unpacked=True) as w:
        for i, decision in enumerate(DECISIONS * 5):
            ex = Example(
                "soap_plan" if i % 2 else "red_flag",
                decision,
                f"Forslag {i}.",
                f"Rettet {i}.",
                confidence=None if i % 3 == 0 else 0.5,
                age_range=None if i % 4 == 0 else "30-39",
                chief_complaint="Vondt" if i % 2 else None,
            )
            for fmt, rows in build_rows(ex).by_format().items():
                for row in rows:
                    w.add(fmt, row)
        _finish(w)
    for fmt in ("sft", "dpo", "kto"):
        ds = datasets.load_dataset(
            "json",
            data_files=str(tmp_path / "hf" / f"{fmt}.jsonl"),
            split="train",
            cache_dir=str(tmp_path / "cache"),
        )
        assert ds.num_rows == w.rows[fmt] > 0
        for row in ds:
            assert formats.problems(fmt, row) == []
