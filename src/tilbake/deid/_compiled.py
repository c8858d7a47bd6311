"""Which build of the engine runs: the mypyc-compiled modules (see setup.py) or their Python sources.

A compiled module sits beside its ``.py`` and Python prefers it. In an editable install an edited
``.py`` would then be silently ignored, so the build records a hash of every source it compiled
(``_compiled.json``), and :func:`choose` checks them before any of those modules is imported: if one
source changed (or ``TILBAKE_PURE=1``), *all* of them load from source, since compiled modules call
each other directly and a mix would still run the old code.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from types import ModuleType

RECORD = Path(__file__).with_name("_compiled.json")
ROOT = Path(__file__).resolve().parent.parent.parent  # the directory that holds the tilbake package

#: "compiled", "source" (no compiled build here) or "source: <why>" (a compiled build is not used)
state = "source"


def source_of(module: str, root: Path = ROOT) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


class SourceFirst:
    """A meta-path finder that loads the named modules from their ``.py`` files."""

    def __init__(self, modules: Collection[str], root: Path = ROOT) -> None:
        self.modules = frozenset(modules)
        self.root = root

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        source = _source_file(fullname, self.root)
        if not source.is_file():
            return None
        is_package = source.name == "__init__.py"
        return importlib.util.spec_from_file_location(
            fullname, source, submodule_search_locations=[str(source.parent)] if is_package else None)


def decide(record: Mapping[str, str], env: Mapping[str, str], loaded: Collection[str],
           root: Path = ROOT) -> tuple[str, bool]:
    """``(state, load_from_source)`` for a build ``record`` (module -> sha256 of its source)."""
    stale = [m for m in record
             if not (source := _source_file(m, root)).is_file()
             or hashlib.sha256(source.read_bytes()).hexdigest() != record[m]]
    why = "TILBAKE_PURE=1" if env.get("TILBAKE_PURE") == "1" else \
        f"{len(stale)} source(s) changed since the build ({stale[0]}, ...)" if stale else ""
    if not why:
        return "compiled", False
    early = sorted(set(record) & set(loaded))
    if early:  # too late to choose: say so rather than pretend
        return f"source: {why}, but {early[0]} was already imported compiled", False
    return f"source: {why}", True


def _source_file(module: str, root: Path) -> Path:
    plain = source_of(module, root)
    return plain if plain.is_file() else plain.with_suffix("") / "__init__.py"


def choose() -> str:
    """Decide once per process, before the engine's modules are imported; returns :data:`state`."""
    global state
    if not RECORD.is_file():
        return state
    record: dict[str, str] = json.loads(RECORD.read_text(encoding="utf-8"))
    state, from_source = decide(record, os.environ, sys.modules)
    if from_source:
        sys.meta_path.insert(0, SourceFirst(record))
    return state
