"""Near-duplicate detection measured on constructed pairs, and its building blocks."""

from __future__ import annotations

from tilbake.merge import dedup
from tilbake.tooling.synth.near_pairs import pairs


def flagged(a: str, b: str) -> bool:
    index = dedup.NearIndex()
    index.add(dedup.signature(a))
    return index.find(dedup.signature(b)) is not None


def test_precision_and_recall_on_constructed_pairs():
    tp = fp = fn = 0
    for a, b, near in pairs(600, seed=3):
        hit = flagged(a, b)
        tp, fp, fn = tp + (hit and near), fp + (hit and not near), fn + (near and not hit)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert tp + fn > 200 and fp + tp > 200  # both kinds are well represented
    assert precision >= 0.98, precision
    assert recall >= 0.9, recall


def test_the_pairs_are_what_they_claim():
    for a, b, near in pairs(200, seed=4):
        sa, sb = dedup.shingles(a), dedup.shingles(b)
        jaccard = len(sa & sb) / len(sa | sb)
        assert (jaccard > 0.4) if near else (a != b)


def test_shingles_are_word_trigrams_lower_cased():
    assert dedup.shingles("Vondt i Korsryggen i dag") == {
        b"vondt i korsryggen",
        b"i korsryggen i",
        b"korsryggen i dag",
    }
    assert dedup.shingles("Kort") == {b"kort"}


def test_the_signature_is_stable_and_the_index_finds_the_first_match():
    text = "Smerter i korsryggen med utstråling til venstre legg, verst om morgenen."
    assert (dedup.signature(text) == dedup.signature(text)).all()
    index = dedup.NearIndex()
    assert index.find(dedup.signature(text)) is None
    slot = index.add(dedup.signature(text))
    assert index.find(dedup.signature(text[:-1] + " i dag.")) == slot  # J = 9/11
    assert index.find(dedup.signature("Helt annen tekst om nakke og skulder uten smerter.")) is None
    for i in range(3000):  # the signature store grows past its first block
        index.add(dedup.signature(f"notat nummer {i} om trening"))
    assert index.size == 3001 and index.find(dedup.signature(text)) == slot


def test_the_band_table_finds_entries_before_and_after_a_flush():
    table = dedup.BandTable()
    table.FLUSH = 5
    keys = [(i * 7919) % 1000 + (1 << 63) for i in range(23)]
    for slot, key in enumerate(keys):
        table.setdefault(key, slot)
    table.setdefault(keys[0], 99)  # the first slot stays
    assert len(table.recent) < 5 and len(table.keys) >= 20
    assert [table.get(k) for k in keys] == list(range(23))
    assert table.get(12345) is None and list(table.keys) == sorted(table.keys)
