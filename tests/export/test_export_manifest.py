"""Manifest: TRL's KTO weight advice, coarse period, and counts that add up."""

from __future__ import annotations

from datetime import datetime

import pytest

from tilbake.export.manifest import Tally, build, coarse_period, kto_weights


@pytest.mark.parametrize(
    ("d", "u", "wd", "wu"),
    [
        (100, 100, 1.0, 1.0),
        (130, 100, 1.0, 1.0),  # 1.3 is already within [1, 4/3]
        (300, 100, 1.0, 3.0),  # more desirable: up-weight undesirable
        (100, 300, 3.0, 1.0),  # more undesirable: up-weight desirable
        (7, 3, 1.0, 2.3333),
        (3, 7, 2.3334, 1.0),
        (0, 10, 1.0, 1.0),
        (10, 0, 1.0, 1.0),
    ],
)
def test_kto_weights_follow_trl_advice(d, u, wd, wu):
    w = kto_weights(d, u)
    assert (w["desirable_weight"], w["undesirable_weight"]) == (wd, wu)
    if d and u:
        assert 1 <= (wd * d) / (wu * u) <= 4 / 3


def test_coarse_period_is_months_only():
    t = Tally()
    t.see_month(datetime(2026, 3, 14, 9, 30))
    t.see_month("2026-01-02T10:00:00")
    t.see_month(None)
    assert coarse_period(t.months) == {"from": "2026-01", "to": "2026-03"}
    assert coarse_period(set()) == {"from": None, "to": None}


def test_build_counts_per_type_and_decision_and_reasons():
    t = Tally()
    t.suggestions.update(
        {("soap_plan", "minor_edit"): 2, ("soap_plan", "accepted_as_is"): 1, ("red_flag", "rejected"): 4}
    )
    t.skipped["ignored"] += 3
    t.quarantined.update({"FNR": 1, "PHONE": 2})
    t.quarantined_suggestions = 2
    t.kto_labels.update({True: 5, False: 10})
    m = build(
        t,
        rows={"sft": 3, "dpo": 6, "kto": 15},
        duplicates={"kto": 1},
        versions={"detector": "d1", "rules": "r1"},
        mode="tags",
        consent={"id": "c"},
        export_id="e1",
        created=datetime(2026, 5, 17, 13, 1),
    )
    assert m["counts"]["per_type_and_decision"] == {
        "red_flag": {"rejected": 4},
        "soap_plan": {"accepted_as_is": 1, "minor_edit": 2},
    }
    assert m["counts"]["suggestions_exported"] == 7
    assert m["counts"]["duplicates_removed"] == {"sft": 0, "dpo": 0, "kto": 1}
    assert m["counts"]["quarantined_by_reason"] == {"FNR": 1, "PHONE": 2}
    assert m["kto"]["desirable_weight"] == 2.0
    assert m["created"] == "2026-05-17"
    assert m["anonymization"] == {"mode": "tags", "detector": "d1", "rules": "r1"}
    assert "organization" not in str(m)
