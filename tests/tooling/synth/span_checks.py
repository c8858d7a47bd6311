"""Checks shared by the synth tests (a plain module: 'from conftest import' picked whichever conftest
was imported first when other areas' tests ran in the same session)."""

from __future__ import annotations


def assert_spans_valid(text: str, spans: list[dict], what: str = "") -> None:
    """Inside the text, sorted, not overlapping, never starting or ending inside a word."""
    prev_end = -1
    for s in sorted(spans, key=lambda s: s["start"]):
        start, end = s["start"], s["end"]
        assert 0 <= start < end <= len(text), (what, s)
        assert start >= prev_end, (what, "overlap", s)
        assert text[start:end] == text[start:end].strip(), (what, "span has outer whitespace", s)
        if start > 0:
            assert not (text[start - 1].isalnum() and text[start].isalnum()), (what, "starts mid-word", s)
        if end < len(text):
            assert not (text[end - 1].isalnum() and text[end].isalnum()), (what, "ends mid-word", s)
        prev_end = end
