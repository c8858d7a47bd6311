"""The README and docs/ can be followed from a fresh clone: every relative link resolves inside the
repository, and no command or path points at a folder beside the clone or of one machine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# a sibling folder of the clone or this machine's work tree (an output path such as /tmp/m is fine)
OUTSIDE = re.compile(r"(?<![\w.])(?:\.\./|/work/)[\w./-]*")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_links_resolve_inside_the_repository(doc):
    for target in LINK.findall(doc.read_text("utf-8")):
        if "://" in target:
            continue
        resolved = (doc.parent / target).resolve()
        assert resolved.is_relative_to(ROOT), f"{doc.name} links outside the repository: {target}"
        assert resolved.exists(), f"{doc.name} links to a missing file: {target}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_no_step_points_outside_the_repository(doc):
    assert OUTSIDE.findall(doc.read_text("utf-8")) == [], doc.name
