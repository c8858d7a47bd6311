"""`tilbake deid detect / anonymize / explain`."""

import orjson
import pytest
from typer.testing import CliRunner

from tilbake.cli import app
from tilbake.deid.detect.engine import Deidentifier
from tilbake.deid.rewrite.operators import anonymize

runner = CliRunner()
DOCS = [{"id": 1, "text": "Pasient: Kari Nordmann, tlf 912 34 567"},
        {"id": "b", "text": "Time 12.03.2026, fnr 15108695088"},
        {"id": 3, "text": "ingen PHI her, VAS 7/10"}]


def _write(path, rows):
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))


def test_detect_streams_spans_in_order(tmp_path):
    src, out = tmp_path / "docs.jsonl", tmp_path / "spans.jsonl"
    _write(src, DOCS)
    result = runner.invoke(app, ["deid", "detect", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    engine = Deidentifier.default()
    assert [r["id"] for r in rows] == [1, "b", 3]
    for row, doc in zip(rows, DOCS, strict=False):
        assert row["spans"] == [s.as_dict() for s in engine.detect(doc["text"])]
    assert rows[2]["spans"] == []
    assert set(rows[0]["spans"][0]) == {"start", "end", "label", "score"}


def test_detect_output_is_what_anonymize_rewrites(tmp_path):
    src, spans_out, anon_out = tmp_path / "d.jsonl", tmp_path / "s.jsonl", tmp_path / "a.jsonl"
    _write(src, DOCS)
    runner.invoke(app, ["deid", "detect", "-i", str(src), "-o", str(spans_out)])
    runner.invoke(app, ["deid", "anonymize", "-i", str(src), "-o", str(anon_out)])
    from tilbake.deid.spans import Label, Span

    rows = zip(DOCS, spans_out.read_bytes().splitlines(), anon_out.read_bytes().splitlines(), strict=True)
    for doc, s_line, a_line in rows:
        spans = [Span(d["start"], d["end"], Label(d["label"]), d["score"])
                 for d in orjson.loads(s_line)["spans"]]
        assert orjson.loads(a_line)["text"] == anonymize(doc["text"], spans, "tag")


@pytest.mark.parametrize(("bad", "message"), [
    (b"not json", "line 2: not valid JSON"),
    (b'{"text": "x"}', "line 2: missing 'id'"),
    (b'{"id": 1, "text": 5}', "line 2: 'text' must be a string"),
    (b"[1, 2]", "line 2: expected a JSON object"),
])
def test_bad_line_exits_2_naming_the_line_and_keeps_old_output(tmp_path, bad, message):
    src, out = tmp_path / "docs.jsonl", tmp_path / "spans.jsonl"
    src.write_bytes(orjson.dumps(DOCS[0]) + b"\n" + bad + b"\n" + orjson.dumps(DOCS[1]) + b"\n")
    out.write_bytes(b"previous run\n")
    result = runner.invoke(app, ["deid", "detect", "-i", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output
    assert out.read_bytes() == b"previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl", "spans.jsonl"]


def test_missing_input_exits_2(tmp_path):
    result = runner.invoke(app, ["deid", "detect", "-i", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2 and "not a readable file" in result.output


@pytest.mark.parametrize(("operator", "expected"), [
    ("tag", "Pasient: [NAVN], tlf [TELEFON]"),
    ("role", "Pasient: Pasient, tlf [TELEFON]"),
    ("redact", "Pasient: […], tlf […]"),
])
def test_anonymize_plain_text(operator, expected):
    result = runner.invoke(app, ["deid", "anonymize", "--operator", operator, DOCS[0]["text"]])
    assert result.exit_code == 0 and result.output.strip() == expected


def test_anonymize_reads_stdin_and_surrogate_uses_the_secret(monkeypatch):
    monkeypatch.setenv("TILBAKE_SECRET", "x" * 40)
    result = runner.invoke(app, ["deid", "anonymize", "--operator", "surrogate"], input="tlf 912 34 567")
    assert result.exit_code == 0 and "912 34 567" not in result.output and result.output.startswith("tlf ")


def test_anonymize_rejects_unknown_operator():
    result = runner.invoke(app, ["deid", "anonymize", "--operator", "blur", "tekst"])
    assert result.exit_code == 2 and "tag, role, age, redact" in result.output


def test_explain_shows_pattern_and_cue():
    result = runner.invoke(app, ["deid", "explain", "fnr 15108695089"])
    assert result.exit_code == 0
    assert "FNR" in result.output and "cue" in result.output


def test_rules_file_is_used_and_bad_rules_exit_2(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_bytes(orjson.dumps({"schema": 1, "version": "1",
                                    "deny": [{"text": "Solsiden", "label": "ORG"}]}))
    result = runner.invoke(app, ["deid", "anonymize", "--rules", str(rules), "Trener på Solsiden"])
    assert result.output.strip() == "Trener på [ORGANISASJON]"
    rules.write_bytes(b'{"schema": 1}')
    result = runner.invoke(app, ["deid", "anonymize", "--rules", str(rules), "x"])
    assert result.exit_code == 2 and "version" in result.output
