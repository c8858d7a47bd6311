"""Bundle verification: each way a bundle can be wrong is named by file and check."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from merge_fixtures import rewrite_member

from tilbake.merge.verify import BundleError, verify


def test_a_bundle_from_the_export_verifies(bundle):
    checked = verify(bundle)
    assert checked.bundle_id == "bundle-a"
    assert checked.consent_id == "consent-bundle-a"
    assert sum(1 for _ in checked.rows("sft")) == checked.manifest["files"]["sft.jsonl"]["rows"]


def test_an_unpacked_bundle_verifies_too(bundle, tmp_path):
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(tmp_path / "x")
    assert verify(tmp_path / "x" / "bundle-a").digest == verify(bundle).digest


def _swap_first_letter(data: bytes) -> bytes:
    return data.replace(b"Vondt", b"Vondr", 1)


def _drop_last_line(data: bytes) -> bytes:
    return b"".join(data.splitlines(keepends=True)[:-1])


def _with_manifest(change):
    def edit(data: bytes) -> bytes:
        man = json.loads(data)
        change(man)
        return json.dumps(man).encode()

    return edit


@pytest.mark.parametrize(
    ("member", "change", "file", "check"),
    [
        ("sft.jsonl", _swap_first_letter, "sft.jsonl", "sha256 differs"),
        ("kto.jsonl", _drop_last_line, "kto.jsonl", "sha256 differs"),
        ("manifest.json", lambda d: d[:-20], "manifest.json", "not valid JSON"),
        ("manifest.json", _with_manifest(lambda m: m.pop("consent")), "manifest.json", "missing consent"),
        (
            "manifest.json",
            _with_manifest(lambda m: m.update(consent={"id": ""})),
            "manifest.json",
            "consent must",
        ),
        (
            "manifest.json",
            _with_manifest(lambda m: m.update(schema_version=9)),
            "manifest.json",
            "unknown schema_version 9",
        ),
        (
            "manifest.json",
            _with_manifest(lambda m: m["files"]["dpo.jsonl"].update(rows=999)),
            "dpo.jsonl",
            "row count",
        ),
    ],
)
def test_a_changed_bundle_is_rejected_naming_file_and_check(bundle, member, change, file, check):
    bad = rewrite_member(bundle, member, change)
    with pytest.raises(BundleError) as caught:
        verify(bad)
    assert caught.value.file == file
    assert check in caught.value.check
    assert str(caught.value).startswith(f"bundle {bad.name}: {file}: ")


def _unpack(bundle, tmp_path):
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(tmp_path / "u")
    return tmp_path / "u" / "bundle-a"


def _rehash(folder, name):
    import hashlib

    man = json.loads((folder / "manifest.json").read_text())
    data = (folder / name).read_bytes()
    man["files"][name]["sha256"] = hashlib.sha256(data).hexdigest()
    man["files"][name]["rows"] = len(data.splitlines())
    (folder / "manifest.json").write_text(json.dumps(man))


def test_a_row_that_is_no_trl_row_is_named_by_line_even_with_a_matching_sha(bundle, tmp_path):
    folder = _unpack(bundle, tmp_path)
    lines = (folder / "dpo.jsonl").read_text().splitlines()
    row = json.loads(lines[1])
    row["chosen"] = "plain string"  # not the conversational format
    lines[1] = json.dumps(row)
    (folder / "dpo.jsonl").write_text("\n".join(lines) + "\n")
    _rehash(folder, "dpo.jsonl")
    with pytest.raises(BundleError, match=r"dpo.jsonl: line 2: not a TRL dpo row: chosen must be"):
        verify(folder)


def test_a_cut_line_is_named_as_truncated(bundle, tmp_path):
    folder = _unpack(bundle, tmp_path)
    data = (folder / "sft.jsonl").read_bytes()
    (folder / "sft.jsonl").write_bytes(data[: len(data) // 2])
    _rehash(folder, "sft.jsonl")
    with pytest.raises(BundleError, match=r"sft.jsonl: line \d+: not valid JSON \(truncated\?\)"):
        verify(folder)


@pytest.mark.parametrize("extra", ["notes.txt", None])
def test_an_unknown_layout_is_rejected(bundle, tmp_path, extra):
    folder = _unpack(bundle, tmp_path)
    if extra:
        (folder / extra).write_text("x")
    else:
        (folder / "kto.jsonl").unlink()
    with pytest.raises(BundleError, match="unknown layout"):
        verify(folder)


def test_a_missing_path_and_a_broken_zip(tmp_path, bundle):
    with pytest.raises(BundleError, match="no such file"):
        verify(tmp_path / "nope.zip")
    broken = tmp_path / "broken.zip"
    shutil.copy(bundle, broken)
    data = broken.read_bytes()
    broken.write_bytes(data[: len(data) - 200])
    with pytest.raises(BundleError):
        verify(broken)
