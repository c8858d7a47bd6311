"""`tilbake user create|list|disable` and the demo's admin: parse, one service call, render."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tilbake.cli import app

PASSWORD = "riktig-hest-batteri"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("TILBAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TILBAKE_DATABASE_URL", raising=False)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, list(args), input=input)

    return invoke


def test_create_list_disable(run, tmp_path):
    assert run("org", "create", "Klinikk Vest").exit_code == 0
    made = run("user", "create", "--org", "Klinikk Vest", "--role", "admin", "--name", "Kari Lege", "Kari",
               input=f"{PASSWORD}\n{PASSWORD}\n")
    assert made.exit_code == 0, made.output
    assert "'kari' (admin) created" in made.output and PASSWORD not in made.output
    assert PASSWORD.encode() not in (tmp_path / "tilbake.db").read_bytes()
    listed = run("user", "list", "--org", "Klinikk Vest")
    assert "kari\tKari Lege\tadmin\tactive" in listed.output
    assert run("user", "disable", "--org", "Klinikk Vest", "kari").exit_code == 0
    assert "\tdisabled " in run("user", "list", "--org", "Klinikk Vest").output


@pytest.mark.parametrize(("args", "needle"), [
    (("--role", "owner", "kari"), "role must be one of clinician, reviewer, admin"),
    (("kari",), "a password is 10-200 characters"),
])
def test_bad_input_exits_2_with_a_message(run, args, needle):
    run("org", "create", "Klinikk Vest")
    password = PASSWORD if "owner" in args else "kort"
    done = run("user", "create", "--org", "Klinikk Vest", "--password-stdin", *args, input=f"{password}\n")
    assert done.exit_code == 2 and needle in done.output


def test_disabling_an_unknown_user_or_org_exits_2(run):
    run("org", "create", "Klinikk Vest")
    assert run("user", "disable", "--org", "Klinikk Vest", "ingen").exit_code == 2
    assert run("user", "list", "--org", "Finnes ikke").exit_code == 2


def test_the_demo_keeps_an_admin_password_in_a_private_file_that_signs_in(run, tmp_path, monkeypatch):
    done = run("demo", "--count", "20")
    assert done.exit_code == 0, done.output
    assert "admin@demo" in done.output
    password = (tmp_path / "demo-password").read_text().strip()  # kept in a private file, not printed
    assert password not in done.output
    from tilbake.wiring import Services

    with Services.from_env() as services:
        assert services.people.sign_in("admin@demo", password)[1].role == "admin"
    again = run("demo", "--if-empty")
    assert "tilbake user create --org demo --role admin" in again.output and password not in again.output
    assert f"admin@demo) with the password in {tmp_path / 'demo-password'}" in again.output  # make run, again
