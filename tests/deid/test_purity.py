"""deid/ is pure: imports nothing of tilbake but errors, the version string and itself; no I/O, no logging."""

import ast
import pathlib

import pytest

import tilbake.deid

ROOT = pathlib.Path(tilbake.deid.__file__).parent
MODULES = sorted(p for p in ROOT.rglob("*.py") if p.name != "ner.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_is_pure(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tilbake"):
            assert node.module.startswith(("tilbake.deid", "tilbake.errors", "tilbake._version")), node.module
        if isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name not in ("logging", "socket", "urllib", "requests", "httpx"), alias.name
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in ("print", "open"), f"{path.name}:{node.lineno}"


def test_span_repr_and_errors_hold_no_text():
    from tilbake.deid.rewrite.apply import rewrite
    from tilbake.deid.spans import Label, Span

    secret = "Kari Nordmann 15108695088"
    with pytest.raises(ValueError) as err:
        rewrite(secret, [Span(0, 99, Label.PERSON)], ["x"])
    assert "Kari" not in str(err.value)
    assert "Kari" not in repr(Span(0, 4, Label.PERSON))
