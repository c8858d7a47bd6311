"""The runtime adapter: explicit loading, clear errors, gating windows, batching, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tilbake.deid.detect.ner import GateLexicon, NerDetector, windows
from tilbake.deid.spans import Label
from tilbake.errors import ModelError

LEXICON = GateLexicon(
    common=frozenset({"pasienten", "smerter", "kontroll"}),
    common_exact=frozenset({"MR"}),
    names=frozenset({"ola", "hansen", "ring"}),
    never=frozenset({"anamnese", "ring", "status", "yrke"}),
    cues=frozenset({"yrke"}),
)

LOWER_CASE_NOTE = "pas kom i dag med sin datter, hun heter solveig og bor i bodø"
TEXTS = [
    "Pasienten kom til kontroll. Henvist av Kari Nordmann ved Majorstua legesenter.",
    "Smerter i korsryggen, MR viser prolaps L4/L5. Ingen røde flagg.",
    "samtale med ola hansen i dag, han bor nå i Tromsø og jobber som snekker der.",
    "",
    "Kontroll om 3 uker.",
]


def _texts(detector: NerDetector, text: str) -> list[tuple[str, Label]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


def test_missing_model_raises_model_error_on_load_not_in_constructor(tmp_path: Path):
    detector = NerDetector(tmp_path / "nowhere")  # constructing never touches the disk
    with pytest.raises(ModelError, match="NER model not found"):
        detector.load()


def test_unreadable_model_raises_model_error(tmp_path: Path):
    (tmp_path / "config.cfg").write_text('[nlp]\nlang = "xx-not-a-language"\n', "utf-8")
    with pytest.raises(ModelError, match="could not be loaded"):
        NerDetector(tmp_path).load()


def test_detecting_before_load_raises_model_error(tiny_model: Path):
    with pytest.raises(ModelError, match="not loaded"):
        NerDetector(tiny_model).detect("Kari Nordmann")


def test_repr_names_the_model_not_any_text(tiny_model: Path):
    detector = NerDetector(tiny_model).load()
    assert "loaded" in repr(detector) and "Kari" not in repr(detector)


@pytest.mark.parametrize("gated", [True, False])
def test_spans_point_at_the_entities(tiny_model: Path, gated: bool):
    detector = NerDetector(tiny_model, gated=gated).load()
    assert _texts(detector, TEXTS[0]) == [
        ("Kari Nordmann", Label.PERSON),
        ("Majorstua legesenter", Label.ORG),
    ]
    assert _texts(detector, TEXTS[2]) == [("ola hansen", Label.PERSON), ("Tromsø", Label.LOCATION)]
    assert all(s.source == "ner" for s in detector.detect(TEXTS[0]))


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_detect_many_matches_detect_in_order_whatever_the_batch(tiny_model: Path, batch_size: int):
    detector = NerDetector(tiny_model, batch_size=batch_size).load()
    assert list(detector.detect_many(TEXTS)) == [detector.detect(t) for t in TEXTS]
    assert list(detector.detect_many(iter(TEXTS))) == list(
        NerDetector(tiny_model, gated=False).load().detect_many(TEXTS)
    )


def test_a_window_read_before_is_not_read_again(tiny_model: Path):
    detector = NerDetector(tiny_model, gated=False).load()
    first = list(detector.detect_many(TEXTS))
    read = []
    pipe = detector._nlp.pipe
    detector._nlp.pipe = lambda strings, **kw: (read.extend(strings), pipe(strings, **kw))[1]
    assert list(detector.detect_many(TEXTS + ["Ny tekst om Kari Nordmann."])) == [
        *first, detector.detect("Ny tekst om Kari Nordmann.")]
    assert read == ["Ny tekst om Kari Nordmann."]  # only the new text reached the model
    assert detector.memo_hits >= len([t for t in TEXTS if t])


def test_the_window_memo_stays_bounded(tiny_model: Path):
    detector = NerDetector(tiny_model, gated=False).load()
    detector.MEMO_SIZE = 3
    texts = [f"Kari Nordmann {i}" for i in range(10)]
    assert list(detector.detect_many(texts)) == [detector.detect(t) for t in texts]
    assert len(detector._memo) <= 3
    detector.batch_size = 2
    assert list(detector.detect_many(texts)) == [detector.detect(t) for t in texts]
    assert len(detector._memo) <= 3


def test_a_text_found_in_the_memo_survives_the_memo_being_cleared(tiny_model: Path):
    """A batch that holds a remembered text and enough new ones to overflow the memo (which is then
    cleared) still answers for the remembered one."""
    detector = NerDetector(tiny_model, gated=False).load()
    detector.MEMO_SIZE = 3
    known = ["Kari Nordmann 1", "Kari Nordmann 2"]
    list(detector.detect_many(known))
    batch = [known[0], "Ola Hansen 3", "Ola Hansen 4"]
    fresh = NerDetector(tiny_model, gated=False).load()
    assert list(detector.detect_many(batch)) == list(fresh.detect_many(batch))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # sentence-initial common words and known acronyms do not wake the model
        ("Pasienten har smerter. MR i dag.", []),
        # a capitalised word inside a sentence does, with context around it
        (
            "Pasienten har smerter etter fall hos Berg i går kveld sent",
            ["smerter etter fall hos Berg i går kveld sent"],
        ),
        # an unknown capitalised word at sentence start does
        ("Solveig ringte.", ["Solveig ringte"]),
        # known names wake it even in lower case
        (
            "Pasienten sier at ola kom tilbake til kontroll etter ferien i sør. Kontroll",
            ["Pasienten sier at ola kom tilbake til kontroll"],
        ),
        # a text with almost no capitals is read whole
        (
            "pas kom i dag med sin datter, hun heter solveig og bor i bodø",
            ["pas kom i dag med sin datter, hun heter solveig og bor i bodø"],
        ),
        ("", []),
        ("Kontroll 12.03.2024 kl 10:15.", []),
        # never-a-name words do not, wherever they stand and even when listed as names
        ("Pasienten sier ANAMNESE og Status er fine. Ring oss.", []),
        # in lower case they follow the name rule: some are parts of organisation names
        ("Pasienten sier at ring er fin og god.", ["Pasienten sier at ring er fin og god"]),
        # neither do letters glued to digits (vertebrae, codes)
        ("Pasienten har prolaps L4/L5 og smerter Th12.", []),
        # cue words do: a name or an employer follows them
        ("Pasienten sier: Yrke: sjåfør, skanska.", ["Pasienten sier: Yrke: sjåfør, skanska"]),
        # in lower case, so do foreign letters and initials
        ("Pasienten sier at naboen wójcik kom innom.", ["Pasienten sier at naboen wójcik kom innom"]),
        ("Pasienten ble sett av h. bakken nylig.", ["Pasienten ble sett av h. bakken nylig"]),
        # a never-word that is also a name wakes it only inside a sentence ("Ring" the surname)
        ("Pasienten ble henvist av Ring i fjor.", ["Pasienten ble henvist av Ring i fjor"]),
        # compounds ending in a never-word do not
        ("Pasienten fikk Sluttstatus og Konsultasjonsstatus.", []),
        # a name next to them still does
        ("Pasienten, Ring Solveig.", ["Pasienten, Ring Solveig"]),
    ],
)
def test_windows(text: str, read: list[str]):
    assert [text[a:b] for a, b in windows(text, LEXICON, context=4)] == read


def test_windows_merge_when_triggers_are_close():
    text = "Henvist fra Per Hansen og Kari Olsen ved Bryn legesenter i Oslo."
    ranges = windows(text, LEXICON, context=2)
    assert len(ranges) == 1
    assert (
        text[ranges[0][0] : ranges[0][1]] == "Henvist fra Per Hansen og Kari Olsen ved Bryn legesenter i Oslo"
    )


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "B-PERSON", "I-PERSON", "O"], [("Kari Nordmann", "PERSON")]),
        (["B-PERSON", "B-PERSON", "O", "O"], [("Hei", "PERSON"), ("Kari", "PERSON")]),
        (["O", "I-ORG", "I-ORG", "O"], [("Kari Nordmann", "ORG")]),
        (["O", "B-PERSON", "I-ORG", "O"], [("Kari", "PERSON"), ("Nordmann", "ORG")]),
        (["O", "O", "O", "B-LOCATION"], [("Oslo", "LOCATION")]),
        (["O", "O", "O", "O"], []),
    ],
)
def test_bio_tags_decode_to_character_spans(tags: list[str], expected: list[tuple[str, str]]):
    import spacy

    from tilbake.deid.detect.ner import _tagged_entities

    doc = spacy.blank("nb")("Hei Kari Nordmann Oslo")
    for token, tag in zip(doc, tags, strict=True):
        token.tag_ = tag
    assert [(doc.text[a:b], label) for a, b, label in _tagged_entities(doc)] == expected


def test_load_detector_returns_a_loaded_detector_or_raises(tiny_model: Path, tmp_path: Path):
    from tilbake.deid.detect.ner import load_detector

    assert load_detector(tiny_model).loaded
    with pytest.raises(ModelError):
        load_detector(tmp_path / "none")


@pytest.mark.parametrize(
    ("entity", "label", "kept"),
    [
        ("Kari Nordmann", Label.PERSON, True),
        ("Solveig", Label.PERSON, True),  # unknown word: the model's call stands
        ("M54.5", Label.PERSON, False),  # a code, not a name
        ("Diagnosekode L84/M79.1.", Label.PERSON, False),  # no digits in names
        ("Rema 1000", Label.ORG, True),
        ("0155 Oslo", Label.LOCATION, True),
        ("u.", Label.LOCATION, False),
        ("[", Label.ORG, False),
        ("Smerter", Label.PERSON, False),  # one common word alone
        ("Smerter", Label.LOCATION, False),
        ("Smerter", Label.ORG, True),  # organisations are often common words ("Høyre")
        ("Pasienten har", Label.PERSON, True),  # several words: the model's call stands
        ("Hansen", Label.PERSON, True),  # a known name even if it were common
    ],
)
def test_plausible_entities(entity: str, label: Label, kept: bool):
    from tilbake.deid.detect.ner import plausible

    lexicon = GateLexicon(
        common=frozenset({"smerter", "hansen"}), common_exact=frozenset({"MR"}), names=frozenset({"hansen"})
    )
    assert plausible(entity, label, lexicon) is kept


@pytest.mark.parametrize("gated", [True, False])
def test_a_name_that_counts_days_is_dropped(tiny_model: Path, gated: bool):
    detector = NerDetector(tiny_model, gated=gated).load()
    text = "Dag to etter skaden var det verst. ANAMNESE Dag to etter. Dag kom til kontroll."
    assert [(s.start, s.label) for s in detector.detect(text)] == [(text.rindex("Dag"), Label.PERSON)]


def test_forget_makes_the_model_read_again(tiny_model: Path):
    detector = NerDetector(tiny_model, gated=False).load()
    first = list(detector.detect_many(TEXTS))
    detector.forget()
    read = []
    pipe = detector._nlp.pipe
    detector._nlp.pipe = lambda strings, **kw: (read.extend(strings), pipe(strings, **kw))[1]
    assert list(detector.detect_many(TEXTS)) == first
    assert sorted(read) == sorted({t for t in TEXTS if t})


def test_a_lone_surrogate_does_not_stop_the_model(tiny_model: Path):
    """A broken JSON escape leaves a lone surrogate that spaCy cannot hash; it is read as a stand-in
    character, so the names around it are still found at their own offsets."""
    detector = NerDetector(tiny_model).load()
    text = "Kontroll \ud800 Kari Nordmann, Tromsø \udfff"
    assert _texts(detector, text) == [("Kari Nordmann", Label.PERSON), ("Tromsø", Label.LOCATION)]


def test_the_vocabulary_does_not_grow_with_the_words_it_reads(tiny_model: Path):
    """A million-note run meets millions of new names and numbers: spaCy must forget them again.
    Only pieces met more than once are kept ("settled", a bounded number)."""
    detector = NerDetector(tiny_model, gated=False, batch_size=32).load()
    list(detector.detect_many([f"Kari Nordmann ringte fra Oslo {i}." for i in range(3)]))  # what loading adds
    vocab = detector._nlp.vocab
    before = set(vocab.strings)
    texts = [f"Pasient Zqx{i}vyk Brbl{i * 7}sen ringte fra Xyl{i}heim, tlf {10_000_000 + i}."
             for i in range(300)]
    assert all(isinstance(found, list) for found in detector.detect_many(texts))
    assert detector._settled <= {"Pasient", "ringte", "fra", "tlf", "Kari", "Nordmann", "Oslo"}
    # (len(vocab) only counts up, even for freed lexemes): the strings of the settled pieces, their
    # shapes, prefixes and suffixes at most
    assert len(set(vocab.strings) - before) <= 4 * len(detector._settled)
    new_words = [w for i in range(300) for w in (f"Zqx{i}vyk", f"Xyl{i}heim")]
    assert not any(w in vocab or w in vocab.strings for w in new_words)
