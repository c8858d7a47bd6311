"""What an event keeps of an entity: keyed hash, shape, pattern, masked context, cue."""

from __future__ import annotations

import pytest

from tilbake.deid.spans import Label, Span
from tilbake.review import privacy


def test_keyed_hash_is_keyed_and_ignores_case_and_spacing():
    a = privacy.keyed_hash(b"k" * 32, "Kari  Hansen")
    assert a == privacy.keyed_hash(b"k" * 32, "kari hansen")
    assert a != privacy.keyed_hash(b"j" * 32, "kari hansen")
    import hashlib

    assert a != hashlib.sha256(b"kari hansen").hexdigest()  # not a plain hash


@pytest.mark.parametrize(("text", "shape", "pattern"), [
    ("Kari Hansen", "Xxxx Xxxxxx", "Xx Xx"),
    ("15.10.1986", "dd.dd.dddd", "d.d.d"),
    ("Ola", "Xxx", "Xx"),
    ("912 34 567", "ddd dd ddd", "d d d"),
])
def test_shape_and_pattern(text, shape, pattern):
    assert privacy.shape(text) == shape and privacy.pattern(text) == pattern


def test_masked_context_masks_every_entity_even_cut_by_the_window():
    text = "Ola Nordmann " + "x" * 100 + " jobber i firmaet Fjordlaks med Kari Hansen " + "y" * 100
    i = text.index("Fjordlaks")
    entity = Span(i, i + 9, Label.ORG)
    first = Span(0, 12, Label.PERSON)  # outside the window: not even partly shown
    kari = text.index("Kari Hansen")
    other = Span(kari, kari + 11, Label.PERSON)
    out = privacy.masked_context(text, entity, [first, other])
    assert "Fjordlaks" not in out and "Kari" not in out and "Ola" not in out
    assert "jobber i firmaet [ORG] med [PERSON]" in out and len(out) <= 200
    kept = privacy.masked_context(text, entity, [first, other, entity], keep=True)
    assert "firmaet Fjordlaks med [PERSON]" in kept


def test_masked_context_masks_a_span_the_window_cuts():
    text = "Kari Hansen " + "b" * 60 + " ringte om Fjordlaks."
    i = text.index("Fjordlaks")
    assert i - 80 > 0  # the window starts inside the name
    out = privacy.masked_context(text, Span(i, i + 9, Label.ORG), [Span(0, 11, Label.PERSON)])
    assert "Hansen" not in out and "ari" not in out and out.startswith("[PERSON] bbb")


def test_cue_stops_at_entities_and_sentences():
    text = "Kari Hansen. Hun er sjåfør i firmaet Fjordlaks."
    i = text.index("Fjordlaks")
    assert privacy.cue(text, i, []) == "i firmaet"
    j = text.index("Hansen")
    assert privacy.cue(text, j, [Span(0, 4, Label.PERSON)]) == ""
