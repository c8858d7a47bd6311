"""`make run` installs only what serving needs and honours PORT; `make test` installs the dev tools.
Read from `make -n` (what make would run) against a virtualenv path that does not exist."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _plan(tmp_path, *args):
    venv = tmp_path / "venv"
    out = subprocess.run(["make", "-n", *args, f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return [line for line in out.stdout.splitlines() if "pip install" in line or "tilbake" in line]


def test_run_installs_the_package_without_the_dev_extra_and_takes_a_port(tmp_path):
    plan = _plan(tmp_path, "run", "PORT=8080")
    installs = [line for line in plan if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all(line.endswith("install -q -e .") for line in installs), installs
    assert any("tilbake serve" in line and "--port 8080" in line for line in plan), plan


@pytest.mark.parametrize("target", ["test", "lint", "test-fast"])
def test_test_and_lint_install_the_dev_extra(tmp_path, target):
    plan = _plan(tmp_path, target)
    assert any("install -q -e '.[dev]'" in line for line in plan), plan
