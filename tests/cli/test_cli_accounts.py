"""`tilbake org/token/types/demo`: parse, one service call, render; bad input exits 2."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from tilbake.cli import app


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TILBAKE_DATABASE_URL", raising=False)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, list(args))

    return invoke


def test_org_create_prints_the_token_once_and_stores_only_its_hash(run, tmp_path):
    r = run("org", "create", "Klinikk Øst")
    assert r.exit_code == 0, r.output
    token = re.search(r"(tlb_\S+)", r.output).group(1)
    assert token.encode() not in (tmp_path / "tilbake.db").read_bytes()
    listed = run("org", "list")
    assert "Klinikk Øst" in listed.output and token not in listed.output
    assert token not in run("token", "list", "--org", "Klinikk Øst").output


def test_token_create_list_revoke(run):
    run("org", "create", "K")
    r = run("token", "create", "--org", "K", "--name", "ci")
    assert r.exit_code == 0 and "tlb_" in r.output
    assert run("token", "revoke", "--org", "K", "2").exit_code == 0
    lines = run("token", "list", "--org", "K").output.splitlines()
    assert lines[0].endswith("active") and "revoked" in lines[1]
    again = run("token", "revoke", "--org", "K", "2")
    assert again.exit_code == 2 and "no live token" in again.output


def test_types_add_and_list(run):
    run("org", "create", "K")
    assert run("types", "add", "--org", "K", "xray_report", "--description", "rtg").exit_code == 0
    listed = run("types", "list", "--org", "K").output
    assert "xray_report\town\trtg" in listed and "soap_plan\tdefault" in listed
    assert run("types", "add", "--org", "K", "soap_plan").exit_code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("token", "list", "--org", "nobody"), "no organization named 'nobody'"),
        (("types", "add", "--org", "K", "Bad Name!"), "a-z"),
        (("org", "create", "K"), "exists already"),
        (("org", "create", " "), "1-200 characters"),
    ],
)
def test_bad_input_exits_2_with_a_message(run, args, message):
    run("org", "create", "K")
    r = run(*args)
    assert r.exit_code == 2 and message in r.output


def test_bad_settings_exit_2(run, monkeypatch):
    monkeypatch.setenv("TILBAKE_DATABASE_URL", "mysql://nope")
    r = run("org", "list")
    assert r.exit_code == 2 and "TILBAKE_DATABASE_URL" in r.output


def test_demo_if_empty(run):
    first = run("demo", "--if-empty", "--count", "25")
    assert first.exit_code == 0 and "25 suggestions" in first.output and "tlb_" not in first.output
    assert "demo-token" in first.output  # the token goes to a private file, never to the output
    second = run("demo", "--if-empty")
    assert second.exit_code == 0 and "nothing added" in second.output
