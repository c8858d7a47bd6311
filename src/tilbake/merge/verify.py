"""Read a bundle (the export's zip, or its unpacked folder) and verify it before anything is merged.

Checks, in order, each failing with a ``BundleError`` that names the file and the check:

1. layout: exactly ``manifest.json``, ``README.md`` and ``sft/dpo/kto.jsonl`` (unknown bundle otherwise);
2. manifest schema: a known ``schema_version``, an ``export_id``, the anonymization mode, a consent
   reference with an id, and a ``files`` entry for each file;
3. per file: its sha256 and (for the JSONL files) its row count match the manifest;
4. per row: it is a valid TRL row of its format (``export.formats``), which the messages never quote.

``verify`` reads every byte once; only a bundle that passed is read again by ``rows``.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from tilbake.errors import InputError
from tilbake.export import formats
from tilbake.export.bundle import MANIFEST_NAME, README_NAME, file_name
from tilbake.export.manifest import SCHEMA_VERSION
from tilbake.export.rows import FORMATS

EXPECTED_FILES = frozenset({MANIFEST_NAME, README_NAME, *(file_name(f) for f in FORMATS)})
_MANIFEST_KEYS = ("schema_version", "export_id", "created", "counts", "anonymization", "consent", "files")


class BundleError(InputError):
    """A bundle that is tampered with, truncated or unknown: nothing of it is merged."""

    def __init__(self, source: Path, file: str, check: str) -> None:
        super().__init__(f"bundle {source.name}: {file}: {check}")
        self.source, self.file, self.check = source, file, check


@dataclass(frozen=True)
class Bundle:
    """A verified bundle: its path, manifest, and the digest of its manifest (its identity)."""

    path: Path
    manifest: dict[str, Any]
    digest: str

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["export_id"])

    @property
    def consent_id(self) -> str:
        return str(self.manifest["consent"]["id"])

    def rows(self, fmt: str) -> Iterator[dict[str, Any]]:
        """The rows of one file, streamed (the bundle was verified: they parse)."""
        with _open_member(self.path, file_name(fmt)) as fh:
            for line in fh:
                if line.strip():
                    yield orjson.loads(line)


def is_bundle(path: Path) -> bool:
    return path.is_dir() or zipfile.is_zipfile(path)


def _members(path: Path) -> dict[str, str]:
    """File name -> name inside the zip (or the folder), for the files at the bundle's top level."""
    if path.is_dir():
        return {p.name: p.name for p in path.iterdir() if p.is_file()}
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
    return {n.rsplit("/", 1)[-1]: n for n in names}


@contextmanager
def _open_member(path: Path, name: str) -> Iterator[IO[bytes]]:
    if path.is_dir():
        with open(path / name, "rb") as fh:
            yield fh
        return
    with zipfile.ZipFile(path) as zf:
        inner = _members(path)[name]
        with zf.open(inner) as fh:
            yield fh


def _check_manifest(path: Path, raw: bytes) -> dict[str, Any]:
    def fail(check: str) -> BundleError:
        return BundleError(path, MANIFEST_NAME, check)

    try:
        man = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise fail("not valid JSON") from None
    if not isinstance(man, dict):
        raise fail("must be a JSON object")
    missing = [k for k in _MANIFEST_KEYS if k not in man]
    if missing:
        raise fail(f"schema: missing {', '.join(missing)}")
    if man["schema_version"] != SCHEMA_VERSION:
        raise fail(f"schema: unknown schema_version {man['schema_version']!r} (known: {SCHEMA_VERSION})")
    if not isinstance(man["export_id"], str) or not man["export_id"].strip():
        raise fail("schema: export_id must be a non-empty string")
    consent = man["consent"]
    if not isinstance(consent, dict) or not isinstance(consent.get("id"), str) or not consent["id"]:
        raise fail("schema: consent must be an object with an id (no consent, no merge)")
    if not isinstance(man["anonymization"], dict) or "mode" not in man["anonymization"]:
        raise fail("schema: anonymization must name its mode")
    files = man["files"]
    if not isinstance(files, dict) or set(files) != EXPECTED_FILES - {MANIFEST_NAME}:
        raise fail(f"schema: files must list exactly {', '.join(sorted(EXPECTED_FILES - {MANIFEST_NAME}))}")
    for name, entry in files.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            raise fail(f"schema: files.{name} needs a sha256")
    return man


def _check_file(path: Path, name: str, entry: dict[str, Any]) -> None:
    fmt = name.split(".")[0]
    digest, rows = hashlib.sha256(), 0
    with _open_member(path, name) as fh:
        for number, line in enumerate(fh, 1):
            digest.update(line)
            if fmt not in FORMATS or not line.strip():
                continue
            rows += 1
            try:
                row = orjson.loads(line)
            except orjson.JSONDecodeError:
                raise BundleError(path, name, f"line {number}: not valid JSON (truncated?)") from None
            found = formats.problems(fmt, row)
            if found:
                raise BundleError(path, name, f"line {number}: not a TRL {fmt} row: {'; '.join(found[:2])}")
    if digest.hexdigest() != entry["sha256"]:
        raise BundleError(path, name, "sha256 differs from the manifest (tampered or truncated)")
    if fmt in FORMATS and rows != entry.get("rows"):
        raise BundleError(path, name, f"row count {rows} differs from the manifest's {entry.get('rows')}")


def verify(path: Path) -> Bundle:
    """The verified bundle at ``path``, or ``BundleError`` naming the file and the failed check."""
    if not path.exists():
        raise BundleError(path, path.name, "no such file")
    if not is_bundle(path):
        raise BundleError(path, path.name, "not a bundle (a zip or folder made by tilbake export)")
    try:
        members = _members(path)
    except zipfile.BadZipFile:
        raise BundleError(path, path.name, "not a readable zip") from None
    if set(members) != EXPECTED_FILES:
        odd = sorted(set(members) ^ EXPECTED_FILES)
        raise BundleError(path, path.name, f"unknown layout: missing or unexpected {', '.join(odd)}")
    try:
        with _open_member(path, MANIFEST_NAME) as fh:
            raw = fh.read()
        man = _check_manifest(path, raw)
        for name in sorted(man["files"]):
            _check_file(path, name, man["files"][name])
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise BundleError(path, path.name, f"cannot be read ({type(exc).__name__})") from None
    return Bundle(path, man, hashlib.sha256(raw).hexdigest())
