"""The one-pass rewrite never corrupts offsets or leaves half a span (hypothesis)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tilbake.deid.detect.overlap import resolve_overlaps
from tilbake.deid.rewrite.apply import rewrite
from tilbake.deid.rewrite.operators import OPERATORS, OperatorContext, anonymize
from tilbake.deid.spans import Label, Span


@st.composite
def text_and_spans(draw):
    text = draw(st.text(min_size=1, max_size=80))
    raw = draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, 12),
                                  st.sampled_from(list(Label)), st.floats(0, 1)), max_size=8))
    spans = [Span(s, min(len(text), s + w), lab, sc) for s, w, lab, sc in raw if s < len(text)]
    return text, resolve_overlaps(spans)


@settings(max_examples=200, deadline=None)
@given(text_and_spans(), st.lists(st.text(max_size=6), min_size=8, max_size=8))
def test_rewrite_keeps_everything_outside_spans(case, fills):
    text, spans = case
    replacements = [fills[i % len(fills)] for i in range(len(spans))]
    out, moved = rewrite(text, spans, replacements)
    assert [out[m.start:m.end] for m in moved] == [r for r in replacements if r]
    # the text between spans survives in order, and nothing of a span's text is left
    expected, cursor = [], 0
    for span, new in zip(spans, replacements, strict=False):
        expected += [text[cursor:span.start], new]
        cursor = span.end
    expected.append(text[cursor:])
    assert out == "".join(expected)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Kari Nordmann", "fnr 15108695088", "tlf 912 34 567", "12.03.2026",
                                 "47 år", "bor i Bærum", "Storgata 12B", " ", ", ", "\n", "vondt i ryggen",
                                 "VAS 7/10", "L4-L5"]), max_size=12),
       st.sampled_from(sorted(OPERATORS)))
def test_engine_output_rewrites_cleanly(engine, parts, operator):
    text = " ".join(parts)  # pieces of a note are separated by at least a space
    spans = engine.detect(text)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    out = anonymize(text, spans, operator, OperatorContext(b"k" * 32, "p"))
    for secret in ("15108695088", "912 34 567", "12.03.2026", "Storgata 12B"):
        assert secret not in out


@pytest.mark.parametrize(("spans", "message"), [
    ([Span(0, 5, Label.DATE), Span(3, 6, Label.DATE)], "overlap"),
    ([Span(0, 50, Label.DATE)], "length"),
])
def test_rewrite_rejects_bad_spans(spans, message):
    with pytest.raises(ValueError, match=message):
        rewrite("kort tekst", spans, ["x"] * len(spans))


@settings(max_examples=100, deadline=None)
@given(text_and_spans(), st.lists(st.text(max_size=6), min_size=8, max_size=8))
def test_apply_matches_rewrite(case, fills):
    from tilbake.deid.rewrite.apply import apply

    text, spans = case
    replacements = [fills[i % len(fills)] for i in range(len(spans))]
    assert apply(text, spans, replacements) == rewrite(text, spans, replacements)[0]


@settings(max_examples=100, deadline=None)
@given(text_and_spans(), st.lists(st.text(max_size=6), min_size=8, max_size=8), st.randoms())
def test_apply_takes_spans_in_any_order(case, fills, rnd):
    from tilbake.deid.rewrite.apply import apply

    text, spans = case
    replacements = [fills[i % len(fills)] for i in range(len(spans))]
    pairs = list(zip(spans, replacements, strict=True))
    rnd.shuffle(pairs)
    shuffled = [p[0] for p in pairs]
    assert apply(text, shuffled, [p[1] for p in pairs]) == apply(text, spans, replacements)


@pytest.mark.parametrize(("spans", "message"), [
    ([Span(0, 5, Label.DATE), Span(3, 6, Label.DATE)], "overlap"),  # in order
    ([Span(3, 6, Label.DATE), Span(0, 5, Label.DATE)], "overlap"),  # out of order
    ([Span(0, 50, Label.DATE)], "length"),
    ([Span(6, 50, Label.DATE), Span(0, 2, Label.DATE)], "length"),
])
def test_apply_rejects_bad_spans(spans, message):
    from tilbake.deid.rewrite.apply import apply

    with pytest.raises(ValueError, match=message):
        apply("kort tekst", spans, ["x"] * len(spans))


PIECES = ["1", "12", "2026", "151086", "95088", ".", "/", "-", " ", ", ", "\n", "(", ")", "+47", "00", ":",
          "år", "å", "mars", "Kari", "Nordmann", "gate", "vei", "Storgata", "fnr", "tlf", "HPR", "Alder",
          "@", "x.no", "www.", "Ahus", "legesenter", "bor i", "Oslo", "kl", "VAS", "dr.", "NO93", "ÆØÅ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_engine_never_fails_on_odd_text(engine, parts):
    text = "".join(parts)
    spans = engine.detect(text)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    engine.analyze(text)
