"""The hand-written corpora (development and check set): JSONL matches sources, spans fit, variants agree."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[2] / "corpora" / "handwritten"
CHECK = HERE.parent / "handwritten_check"
LABELS = {"PERSON", "FNR", "PHONE", "EMAIL", "URL", "DATE", "AGE", "ADDRESS", "LOCATION", "ORG", "ID"}


def _rows(name, root=HERE):
    return [json.loads(line) for line in (root / name).read_text("utf-8").splitlines()]


def test_the_jsonl_files_are_what_the_sources_give():
    done = subprocess.run([sys.executable, str(HERE / "build.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_size_and_genres():
    rows = _rows("plain.jsonl")
    assert len(rows) >= 250 and len({r["genre"] for r in rows}) >= 9
    assert len({r["id"] for r in rows}) == len(rows)


def test_the_check_set_covers_every_genre_with_texts_of_its_own():
    dev, check = _rows("plain.jsonl"), _rows("plain.jsonl", CHECK)
    assert len(check) >= 60 and {r["genre"] for r in check} == {r["genre"] for r in dev}
    assert not {r["id"] for r in check} & {r["id"] for r in dev}
    assert not {r["text"] for r in check} & {r["text"] for r in dev}


@pytest.mark.parametrize("root", [HERE, CHECK], ids=["dev", "check"])
@pytest.mark.parametrize("name", ["plain.jsonl", "tokenized.jsonl"])
def test_spans_are_inside_the_text_and_trimmed(name, root):
    for row in _rows(name, root):
        for s in row["spans"] + row["negatives"]:
            piece = row["text"][s["start"]:s["end"]]
            assert piece and piece == piece.strip(), (row["id"], s)
        assert {s["label"] for s in row["spans"]} <= LABELS
        gold = [(s["start"], s["end"]) for s in row["spans"]]
        for n in row["negatives"]:  # a hard negative never overlaps PHI
            assert not any(a < n["end"] and n["start"] < b for a, b in gold), (row["id"], n)


@pytest.mark.parametrize("root", [HERE, CHECK], ids=["dev", "check"])
def test_the_tokenized_variant_keeps_every_span_but_spacing(root):
    for plain, tok in zip(_rows("plain.jsonl", root), _rows("tokenized.jsonl", root), strict=True):
        assert tok["id"] == plain["id"] + ":tok"
        squeeze = lambda t: "".join(t.split())  # noqa: E731
        assert squeeze(tok["text"]) == squeeze(plain["text"])
        for a, b in zip(plain["spans"], tok["spans"], strict=True):
            assert squeeze(plain["text"][a["start"]:a["end"]]) == squeeze(tok["text"][b["start"]:b["end"]])


def test_batches_written_later_are_marked_and_cover_every_genre():
    rows = _rows("plain.jsonl")
    batches = {r.get("batch") for r in rows} - {None}
    assert {"fresh1", "fresh2", "fresh3"} <= batches
    first = [r for r in rows if r.get("batch") == "fresh1"]
    assert len(first) >= 60 and {r["genre"] for r in first} == {r["genre"] for r in rows}
    third = [r for r in rows if r.get("batch") == "fresh3"]  # written with six or more texts of each genre
    per_genre = {g: sum(r["genre"] == g for r in third) for g in {r["genre"] for r in rows}}
    assert len(third) >= 54 and min(per_genre.values()) >= 6
    for tok in _rows("tokenized.jsonl"):  # the tokenized variant keeps the batch
        assert tok.get("batch") == next(r.get("batch") for r in rows if r["id"] + ":tok" == tok["id"])
