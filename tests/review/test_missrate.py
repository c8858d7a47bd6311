"""The miss-rate bound: exact binomial bound, rule of three, and quiet sentences reviewed end to end."""

from __future__ import annotations

import pytest

from tilbake.review import missrate
from tilbake.review.corrections import Request


@pytest.mark.parametrize(("k", "n", "expected"), [
    (0, 100, 0.0295),   # 1 - 0.05 ** (1/100): the rule of three says 0.03
    (0, 1000, 0.00299),
    (1, 100, 0.04656),  # Clopper-Pearson one-sided 95 %: scipy beta.ppf(0.95, k + 1, n - k)
    (5, 50, 0.19883),
    (50, 50, 1.0),
])
def test_upper_bound(k, n, expected):
    assert missrate.upper_bound(k, n) == pytest.approx(expected, abs=2e-5)


def test_bad_counts_are_refused():
    with pytest.raises(ValueError):
        missrate.upper_bound(3, 2)


def test_sentences():
    assert missrate.sentences("Vondt i ryggen. Ok. Kontroll om to uker!\nTøyer daglig nå") == [
        "Vondt i ryggen.", "Kontroll om to uker!", "Tøyer daglig nå"]


def test_quiet_sentences_reviewed_give_a_bound(review, org_id):
    from tests.export.export_fixtures import add_suggestions, record

    db = review.db
    texts = ["Øvelser for korsrygg daglig. Kontroll hos Kari Hansen om to uker. Tøyer baksida av låret.",
             "Hun er sjåfør i firmaet Fjordlaks nå. Smertene er bedre i dag."]
    add_suggestions(db, org_id, [record(i, "accepted_as_is", t) for i, t in enumerate(texts)])
    ids = review.sample_quiet(org_id, 10)
    items = [review.get(org_id, i) for i in ids]
    assert items and all(i["source"] == "quiet" and i["entities"] == [] for i in items)
    assert all("Kari Hansen" not in i["text"] for i in items)  # that sentence had a detection
    for item in items:
        if "Fjordlaks" in item["text"]:
            start = item["text"].index("Fjordlaks")
            review.correct(org_id, item["id"], Request("mark_as_pii", start, start + 9, "ORG"))
        review.complete(org_id, item["id"])
    got = review.miss_rate(org_id)
    assert got["sampled"] == len(items) and got["with_phi"] == 1
    assert got["upper_bound"] == pytest.approx(missrate.upper_bound(1, len(items)), abs=1e-6)
