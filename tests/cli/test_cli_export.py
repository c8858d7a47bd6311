"""`tilbake export ...` end to end on SQLite with the real de-identification engine."""

from __future__ import annotations

import json
import zipfile

import pytest
from tests.export.export_fixtures import add_suggestions, record
from typer.testing import CliRunner  # noqa: E402

from tilbake.accounts.service import AccountService  # noqa: E402
from tilbake.cli import app  # noqa: E402
from tilbake.store import open_database  # noqa: E402


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TILBAKE_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("TILBAKE_SECRET", "s" * 40)
    db = open_database(f"sqlite:///{tmp_path / 'cli.db'}")
    org, _ = AccountService(db).create_org("Ryggklinikken")
    add_suggestions(
        db,
        org["id"],
        [
            record(0, "accepted_as_is", "Pasient Ola Nordmann, fnr 01018012345, har vondt i ryggen."),
            record(
                1, "minor_edit", "Øvelser tre ganger i uken.", "Øvelser daglig, tlf 912 34 567 ved spørsmål."
            ),
            record(2, "ignored"),
        ],
    )
    db.dispose()
    return tmp_path


def _run(*args):
    return CliRunner().invoke(app, ["export", *args])


def test_preview_create_list_download_revoke(env):
    out = _run("preview", "--org", "Ryggklinikken", "--json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["pending_total"] == 3

    refused = _run("create", "--org", "Ryggklinikken", "--given-by", "Kari Lege")
    assert refused.exit_code == 2 and "consent" in refused.output

    made = _run("create", "--org", "Ryggklinikken", "--given-by", "Kari Lege", "--agree", "--json")
    assert made.exit_code == 0, made.output
    batch = json.loads(made.output)
    assert batch["suggestions"] == 2 and batch["consent"]["channel"] == "cli"

    listed = _run("list", "--org", "Ryggklinikken")
    assert batch["id"] in listed.output

    target = env / "copy.zip"
    assert _run("download", batch["id"], "--org", "Ryggklinikken", "--output", str(target)).exit_code == 0
    with zipfile.ZipFile(target) as zf:
        text = "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".jsonl"))
        manifest = json.loads(zf.read(next(n for n in zf.namelist() if n.endswith("/manifest.json"))))
    for secret in ("Ola Nordmann", "01018012345", "912 34 567"):
        assert secret not in text
    # the bundle names exactly what de-identified it: the shipped model's version and weight hash
    from tilbake.deid.detect.ner import DEFAULT_MODEL_DIR, model_version

    assert manifest["anonymization"]["model"] == model_version(DEFAULT_MODEL_DIR)
    assert manifest["anonymization"]["model"].startswith("nb_tilbake_ner 1.0.0+sha256:")
    unpacked = env / "unpacked"
    assert (
        _run(
            "download", batch["id"], "--org", "Ryggklinikken", "--output", str(unpacked), "--unpack"
        ).exit_code
        == 0
    )
    assert len(list(unpacked.rglob("*.jsonl"))) == 3

    revoked = _run("revoke", batch["id"], "--org", "Ryggklinikken", "--rows", "excluded")
    assert revoked.exit_code == 0 and "revoked" in revoked.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--org", "Ukjent"], "no organization named"),
        (["revoke", "nope", "--org", "Ryggklinikken", "--rows", "pending"], "no export"),
        (["revoke", "nope", "--org", "Ryggklinikken", "--rows", "drop"], "pending, excluded"),
        (
            ["create", "--org", "Ryggklinikken", "--given-by", "K", "--agree", "--mode", "x"],
            "tags, surrogates",
        ),
    ],
)
def test_bad_input_exits_2_naming_the_problem(env, args, message):
    out = _run(*args)
    assert out.exit_code == 2 and message in out.output
