"""The compiled build (setup.py, mypyc) and its guard: a compiled module never runs in place of an
edited source, TILBAKE_PURE=1 runs the sources, and both builds find exactly the same spans.

``make test`` sets TILBAKE_EXPECT_COMPILED=1: there the build must really be compiled, so a build that
silently fell back to pure Python (no compiler, a mypyc error) fails the suite instead of only
running slower.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tilbake.deid.detect.engine
from tilbake.deid import _compiled
from tilbake.tooling.synth import notes

COMPILED_MODULES = ("tilbake.deid.detect.engine", "tilbake.deid.detect.overlap", "tilbake.deid.rewrite.operators",
                    "tilbake.deid.detect.recognizers", "tilbake.deid.detect.recognizers.base",
                    "tilbake.deid.detect.recognizers.dates")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_build_in_use_is_the_expected_one() -> None:
    engine_file = Path(tilbake.deid.detect.engine.__file__ or "")
    if os.environ.get("TILBAKE_EXPECT_COMPILED") == "1":
        assert _compiled.state == "compiled", _compiled.state
    if _compiled.state == "compiled":
        assert engine_file.suffix == ".so"
        record = json.loads(_compiled.RECORD.read_text(encoding="utf-8"))
        assert set(COMPILED_MODULES) <= set(record)
    else:
        assert engine_file.suffix == ".py"


def test_unchanged_sources_use_the_compiled_build(tmp_path: Path) -> None:
    source = tmp_path / "pkg" / "mod.py"
    source.parent.mkdir()
    source.write_text("X = 1\n")
    assert _compiled.decide({"pkg.mod": _digest(source)}, {}, (), tmp_path) == ("compiled", False)


def test_an_edited_source_loads_every_compiled_module_from_source(tmp_path: Path) -> None:
    source = tmp_path / "pkg" / "mod.py"
    source.parent.mkdir()
    source.write_text("X = 1\n")
    record = {"pkg.mod": _digest(source), "pkg.other": "0" * 64}
    (tmp_path / "pkg" / "other.py").write_text("Y = 2\n")  # edited after the build
    state, from_source = _compiled.decide(record, {}, (), tmp_path)
    assert from_source and state.startswith("source: 1 source(s) changed") and "pkg.other" in state


def test_a_deleted_source_counts_as_changed(tmp_path: Path) -> None:
    state, from_source = _compiled.decide({"pkg.gone": "0" * 64}, {}, (), tmp_path)
    assert from_source and "pkg.gone" in state


def test_tilbake_pure_forces_the_sources(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text("X = 1\n")
    assert _compiled.decide({"mod": _digest(source)}, {"TILBAKE_PURE": "1"}, (), tmp_path) == \
        ("source: TILBAKE_PURE=1", True)


def test_too_late_to_choose_is_reported_not_hidden(tmp_path: Path) -> None:
    state, from_source = _compiled.decide({"pkg.mod": "0" * 64}, {}, {"pkg.mod"}, tmp_path)
    assert not from_source and "already imported compiled" in state


def test_source_first_finder_loads_modules_and_packages_from_py(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "mod.py").write_text("X = 1\n")
    (tmp_path / "pkg" / "sub" / "__init__.py").write_text("")
    finder = _compiled.SourceFirst({"pkg.mod", "pkg.sub"}, tmp_path)
    spec = finder.find_spec("pkg.mod")
    assert spec is not None and isinstance(spec.loader, importlib.machinery.SourceFileLoader)
    assert spec.origin == str(tmp_path / "pkg" / "mod.py")
    package = finder.find_spec("pkg.sub")
    assert package is not None and package.submodule_search_locations == [str(tmp_path / "pkg" / "sub")]
    assert finder.find_spec("pkg.unlisted") is None


_DUMP = """
import json, sys
from tilbake.deid import _compiled
from tilbake.deid.detect.engine import Deidentifier
from tilbake.deid.rewrite.operators import anonymize
texts = json.load(sys.stdin)
engine = Deidentifier.default()
out = []
for text, spans in zip(texts, engine.detect_many(texts)):
    out.append([[s.start, s.end, s.label.value, s.score, s.source] for s in spans])
    out.append(anonymize(text, spans, "tag"))
    out.append([e.as_dict() for e in engine.analyze(text)])
print(json.dumps({"state": _compiled.state, "out": out}))
"""


def _run(texts: list[str], **env: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps(texts), text=True,
                            capture_output=True, check=True, env={**os.environ, **env})
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.slow
def test_compiled_and_pure_builds_find_the_same_spans() -> None:
    texts = [str(d["text"]) for d in notes(150, seed=77, split="heldout")] + \
        [str(d["text"]) for d in notes(150, seed=78)]
    pure = _run(texts, TILBAKE_PURE="1")
    default = _run(texts)
    assert str(pure["state"]).startswith("source")
    if os.environ.get("TILBAKE_EXPECT_COMPILED") == "1":
        assert default["state"] == "compiled"
    assert default["out"] == pure["out"]
