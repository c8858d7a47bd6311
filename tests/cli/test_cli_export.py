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


def _made(env):
    made = _run("create", "--org", "Ryggklinikken", "--given-by", "Kari Lege", "--agree", "--json")
    assert made.exit_code == 0, made.output
    return json.loads(made.output)["id"]


def test_cli_messages_name_flags_not_api_fields(env):
    out = _run("create", "--org", "Ryggklinikken", "--given-by", "Kari Lege")
    assert out.exit_code == 2 and "--agree" in out.output and "consent.agree" not in out.output
    out = _run("create", "--org", "Ryggklinikken", "--given-by", " ", "--agree")
    assert out.exit_code == 2 and "--given-by" in out.output and "consent.given_by" not in out.output


def test_download_refuses_to_overwrite_unless_forced(env):
    export_id = _made(env)
    target = env / "copy.zip"
    target.write_bytes(b"my own file")
    out = _run("download", export_id, "--org", "Ryggklinikken", "--output", str(target))
    assert out.exit_code == 2 and "--force" in out.output and target.read_bytes() == b"my own file"
    out = _run("download", export_id, "--org", "Ryggklinikken", "--output", str(target), "--force")
    assert out.exit_code == 0 and zipfile.is_zipfile(target)
    folder = env / "files"
    assert _run("download", export_id, "--org", "Ryggklinikken", "-o", str(folder), "--unpack").exit_code == 0
    out = _run("download", export_id, "--org", "Ryggklinikken", "-o", str(folder), "--unpack")
    assert out.exit_code == 2 and "--force" in out.output
    out = _run("download", export_id, "--org", "Ryggklinikken", "-o", str(folder), "--unpack", "--force")
    assert out.exit_code == 0 and len(list(folder.rglob("*.jsonl"))) == 3
    assert sorted(p.name for p in env.iterdir() if p.name.startswith(".")) == []  # no temporary left


FILE_LIMIT = 64 * 1024  # room for SQLite's shared-memory file (32 KiB), not for the bundle


def _download_with_a_small_file_limit(env, *args):
    """`export download` in a process whose files may grow to FILE_LIMIT bytes only: the bundle's write
    fails with EFBIG, as on a full disk, after part of it is written."""
    import os
    import resource
    import signal
    import subprocess
    import sys
    from pathlib import Path

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))

    src = Path(__file__).resolve().parents[2] / "src"
    return subprocess.run([sys.executable, "-m", "tilbake", "export", "download", *args],
                          env={**os.environ, "PYTHONPATH": str(src)}, preexec_fn=limit,
                          capture_output=True, text=True, timeout=120)


def _big_export(env):
    """An export whose bundle is larger than FILE_LIMIT: long texts of random words compress poorly."""
    import random

    rng = random.Random(5)
    db = open_database(f"sqlite:///{env / 'cli.db'}")
    with db.unit_of_work() as uow:
        org_id = uow.conn.exec_driver_sql("SELECT id FROM organizations").scalar()
    letters = "abdefgiklmnoprstuvy"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(40_000)]
    texts = [" ".join(words[i * 200:(i + 1) * 200]) + "." for i in range(200)]
    add_suggestions(db, org_id, [record(i, "accepted_as_is", t) for i, t in enumerate(texts)], start=10)
    db.dispose()
    return _made(env)


def test_a_failed_download_keeps_the_old_file_and_leaves_no_partial_one(env):
    export_id = _big_export(env)
    good = env / "good.zip"
    assert _run("download", export_id, "--org", "Ryggklinikken", "-o", str(good)).exit_code == 0
    assert good.stat().st_size > 2 * FILE_LIMIT
    before = good.read_bytes()
    out = _download_with_a_small_file_limit(env, export_id, "--org", "Ryggklinikken", "-o", str(good),
                                            "--force")
    assert out.returncode == 2, out.stderr
    assert "error:" in out.stderr and "Traceback" not in out.stderr
    assert good.read_bytes() == before
    folder = env / "unpacked"
    out = _download_with_a_small_file_limit(env, export_id, "--org", "Ryggklinikken", "-o", str(folder),
                                            "--unpack")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert not folder.exists()
    assert [p.name for p in env.iterdir() if p.name.startswith(".")] == []


def test_an_unreachable_database_is_a_message_not_a_traceback(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": str(src), "TILBAKE_DATA_DIR": str(tmp_path),
           "TILBAKE_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/nowhere"}
    for args in (["org", "list"], ["export", "list", "--org", "x"], ["serve", "--port", "1"]):
        out = subprocess.run([sys.executable, "-m", "tilbake", *args], env=env, capture_output=True,
                             text=True, timeout=120)
        assert out.returncode == 1, out.stderr
        assert "cannot open the database" in out.stderr and "Traceback" not in out.stderr + out.stdout
