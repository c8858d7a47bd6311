"""NorNE reading (both file shapes) and the label mapping, on small inline samples."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tilbake.tooling.ner.norne import bio_to_spans, guess_spaces, map_tag, parse_lines, read_sentences

CONLLU = """\
# sent_id = 1
# text = Kari Nordmann bor i Tromsø.
1\tKari\tKari\tPROPN\t_\t_\t3\tnsubj\t_\tname=B-PER
2\tNordmann\tNordmann\tPROPN\t_\t_\t1\tflat:name\t_\tname=I-PER
3\tbor\tbo\tVERB\t_\t_\t0\troot\t_\tname=O
4\ti\ti\tADP\t_\t_\t5\tcase\t_\tname=O
5\tTromsø\tTromsø\tPROPN\t_\t_\t3\tobl\t_\tSpaceAfter=No|name=B-GPE_LOC
6\t.\t$.\tPUNCT\t_\t_\t3\tpunct\t_\tname=O

1\tHun\thun\tPRON\t_\t_\t2\tnsubj\t_\tname=O
2-3\tbrukte\t_\t_\t_\t_\t_\t_\t_\t_
2\tbrukte\tbruke\tVERB\t_\t_\t0\troot\t_\tname=O
3\tWindows\tWindows\tPROPN\t_\t_\t2\tobj\t_\tname=B-PROD
"""

NDT = """\
1\tUllevål\tUllevål\tsubst\tsubst\tprop\t0\tFRAG\t_\tname=B-ORG
2\tsykehus\tsykehus\tsubst\tsubst\tappell\t1\tFLAT\t_\tname=I-ORG
3\t,\t$,\t<komma>\t<komma>\t_\t1\tIK\t_\tname=O
4\tnorsk\tnorsk\tadj\tadj\t_\t1\tATR\t_\tname=B-DRV
5\t|\t$|\tclb\tclb\t<overskrift>\t1\tIP\t_\tname=O
"""


def test_conllu_reads_spacing_tags_and_skips_multiword_rows():
    first, second = list(parse_lines(CONLLU.splitlines(keepends=True)))
    assert first.text == "Kari Nordmann bor i Tromsø."
    assert first.tags == ["B-PERSON", "I-PERSON", "O", "O", "B-LOCATION", "O"]
    assert second.words == ["Hun", "brukte", "Windows"]
    assert second.tags == ["O", "O", "O"]  # PROD is not PHI


def test_ndt_guesses_spaces_and_drops_the_headline_bar():
    (sentence,) = list(parse_lines(NDT.splitlines(), spacing_known=False))
    assert sentence.words == ["Ullevål", "sykehus", ",", "norsk"]
    assert sentence.text == "Ullevål sykehus, norsk"
    assert sentence.tags == ["B-ORG", "I-ORG", "O", "O"]


def test_read_sentences_handles_gzip_and_picks_spacing_by_suffix(tmp_path: Path):
    path = tmp_path / "sample.conll.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(NDT)
    (sentence,) = list(read_sentences(path))
    assert sentence.text == "Ullevål sykehus, norsk"


@pytest.mark.parametrize(
    ("tag", "mapped"),
    [
        ("O", "O"),
        ("B-PER", "B-PERSON"),
        ("I-PER", "I-PERSON"),
        ("B-ORG", "B-ORG"),
        ("B-GPE_ORG", "B-ORG"),
        ("I-LOC", "I-LOCATION"),
        ("B-GPE_LOC", "B-LOCATION"),
        ("B-PROD", "O"),
        ("I-EVT", "O"),
        ("B-DRV", "O"),
        ("B-MISC", "O"),
    ],
)
def test_label_mapping(tag: str, mapped: str):
    assert map_tag(tag) == mapped


@pytest.mark.parametrize("tag", ["B-PERSON", "X-PER", "PER", ""])
def test_unknown_tags_are_rejected_with_the_tag_named(tag: str):
    with pytest.raises(ValueError, match="unknown NorNE tag"):
        map_tag(tag)


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "O"], []),
        (["B-PERSON", "I-PERSON", "O"], [(0, 2, "PERSON")]),
        (["B-PERSON", "B-PERSON"], [(0, 1, "PERSON"), (1, 2, "PERSON")]),
        (["B-ORG", "I-LOCATION"], [(0, 1, "ORG"), (1, 2, "LOCATION")]),
        (["O", "I-ORG", "I-ORG"], [(1, 3, "ORG")]),
        (["B-ORG", "I-ORG"], [(0, 2, "ORG")]),
    ],
)
def test_bio_to_spans(tags: list[str], spans: list[tuple[int, int, str]]):
    assert bio_to_spans(tags) == spans


@pytest.mark.parametrize(
    ("words", "text"),
    [
        (["Han", "sa", '"', "hei", '"', "."], 'Han sa "hei".'),
        (["(", "se", "over", ")", ",", "ja", "!"], "(se over), ja!"),
        (["«", "Hei", "»", ":", "svar"], "«Hei»: svar"),
    ],
)
def test_guessed_spacing_reads_like_text(words: list[str], text: str):
    spaces = guess_spaces(words)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)) == text


def test_paragraph_marks_are_kept_on_the_sentence_they_open():
    lines = (
        "# newpar\n# sent_id = 1\n1\tA\t_\t_\t_\t_\t0\t_\t_\tname=O\n\n"
        "# sent_id = 2\n1\tB\t_\t_\t_\t_\t0\t_\t_\tname=O\n\n"
        "# newpar id = p3\n# sent_id = 3\n1\tC\t_\t_\t_\t_\t0\t_\t_\tname=O\n"
    ).splitlines(keepends=True)
    assert [s.newpar for s in parse_lines(lines)] == [True, False, True]


def test_joined_sentences_read_like_an_article():
    from tilbake.tooling.ner.norne import Sentence, joined

    headline = Sentence(["Ny", "sjef"], [True, False], ["O", "O"], newpar=True)
    first = Sentence(
        ["Kari", "Moe", "kom", "."], [True, True, False, False], ["B-PERSON", "I-PERSON", "O", "O"]
    )
    second = Sentence(["Hun", "ble", "glad", "."], [True, True, False, False], ["O"] * 4)
    one, rest = joined([headline, first, second], 2)
    assert one.text == "Ny sjef\nKari Moe kom." and one.newpar
    assert bio_to_spans(one.tags) == [(3, 5, "PERSON")]  # the line break is a token of its own
    assert rest == second
    assert list(joined([first, second], 2))[0].text == "Kari Moe kom. Hun ble glad."
    assert list(joined([first, second], 1)) == [first, second]
