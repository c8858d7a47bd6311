"""A built wheel holds everything the package reads at run time (an editable install would hide a gap)."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_SUFFIXES = (".gz", ".txt", ".tsv", ".json", ".cfg", ".mako", ".html", ".js", ".css", ".md")


@pytest.mark.slow
def test_the_wheel_holds_every_data_file_and_the_model(tmp_path):
    tree = tmp_path / "tree"  # a fresh copy: a build/ folder left in the repository would hide a gap
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(tree)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("tilbake-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    src = ROOT / "src"
    wanted = {str(p.relative_to(src)) for p in (src / "tilbake").rglob("*")
              if p.is_file() and (p.suffix in DATA_SUFFIXES or "models" in p.parts)
              and "__pycache__" not in p.parts}
    assert wanted and not wanted - names, sorted(wanted - names)[:10]
