import pytest

from tilbake.deid.spans import Label, Span


def test_span_dict_shape():
    assert Span(3, 8, Label.PHONE, 0.91234, "phone").as_dict() == {
        "start": 3, "end": 8, "label": "PHONE", "score": 0.9123}


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 5), (6, 2)])
def test_span_rejects_empty_or_negative_ranges(start, end):
    with pytest.raises(ValueError, match="start"):
        Span(start, end, Label.DATE)


def test_span_rejects_score_outside_unit_interval():
    with pytest.raises(ValueError, match="score"):
        Span(0, 1, Label.DATE, 1.5)


def test_overlap_is_half_open():
    a = Span(0, 5, Label.PERSON)
    assert a.overlaps(Span(4, 6, Label.PERSON))
    assert not a.overlaps(Span(5, 6, Label.PERSON))
