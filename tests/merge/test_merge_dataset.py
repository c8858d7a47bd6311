"""The dataset directory: Parquet loadable by `datasets`, the split, and the card."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

import datasets
import pytest
import yaml
from merge_fixtures import examples, make_bundle
from test_merge_service import rows, snapshot

from tilbake.export import formats
from tilbake.merge import dataset, split
from tilbake.merge.service import Input

FORMATS = ("sft", "dpo", "kto")


@pytest.fixture
def merged(service, tmp_path):
    ds = tmp_path / "ds"
    inputs = [
        Input(make_bundle(tmp_path / "in", f"b{i}", examples(20 + i, 60)), f"practice {i % 2}")
        for i in range(3)
    ]
    service.merge(inputs, ds)
    return ds


def _strip(row):
    meta = {k: v for k, v in row["metadata"].items() if k not in dataset.PROVENANCE}
    return {**row, "metadata": meta}


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_config_loads_with_datasets_and_is_a_valid_trl_row(merged, tmp_path, fmt):
    files = {s: str(merged / fmt / f"{s}.parquet") for s in ("train", "test")}
    loaded = datasets.load_dataset("parquet", data_files=files, cache_dir=str(tmp_path / "cache"))
    assert loaded["train"].num_rows == len(rows(merged, fmt, "train")) > 0
    assert loaded["test"].num_rows == len(rows(merged, fmt, "test")) > 0
    for split_rows in loaded.values():
        for row in split_rows:
            assert formats.problems(fmt, _strip(row)) == []


def test_the_card_configs_load_by_name(merged, tmp_path):
    loaded = datasets.load_dataset(str(merged), "dpo", cache_dir=str(tmp_path / "cache"))
    assert set(loaded) == {"train", "test"} and "chosen" in loaded["train"].column_names


def test_the_split_is_stratified_by_type_and_groups_never_straddle(merged):
    groups = {}
    by_type: dict[str, set] = {}
    for fmt in FORMATS:
        for side in ("train", "test"):
            for row in rows(merged, fmt, side):
                key = split.group_key(row)
                assert groups.setdefault(key, side) == side  # one side per group, in every format
                by_type.setdefault(row["metadata"]["suggestion_type"], set()).add(key)
    for stype, keys in by_type.items():
        test = sum(groups[k] == "test" for k in keys)
        assert test == math.ceil(split.TEST_FRACTION * len(keys)), stype


def test_a_practice_s_similar_notes_on_one_prompt_stay_on_one_side(service, tmp_path):
    base = examples(40, 40)
    similar = [
        dataclasses.replace(
            e,
            chief_complaint="Vondt i korsryggen",
            suggestion_type="soap_plan",
            decision="accepted_as_is",
            correction=None,
        )
        for e in base
    ]
    ds = tmp_path / "ds"
    service.merge([Input(make_bundle(tmp_path / "in", "s", similar), "A")], ds)
    sides = {side for side in ("train", "test") if rows(ds, "sft", side)}
    assert len(sides) == 1  # one group: one side


def _sides(ds, bundle_id):
    return {
        r["messages"][-1]["content"]: side
        for side in ("train", "test")
        for r in rows(ds, "sft", side)
        if r["metadata"]["bundle_id"] == bundle_id
    }


def test_the_build_is_deterministic_and_stable(service, merged, tmp_path):
    first = {k: v for k, v in snapshot(merged).items() if k.endswith(".parquet")}
    service.mark_trained(merged)  # a change that rebuilds from the same rows
    assert {k: v for k, v in snapshot(merged).items() if k.endswith(".parquet")} == first
    before = _sides(merged, "b1")
    service.revoke(merged, "b1", "test")
    assert _sides(merged, "b1") == {}
    # the same practice sends the same examples again in a new bundle: they land where they were
    service.merge([Input(make_bundle(tmp_path / "again", "b9", examples(21, 60)), "practice 1")], merged)
    assert _sides(merged, "b9") == before and "test" in before.values()


def test_the_card_has_the_hugging_face_layout_and_true_counts(merged):
    card = (merged / "README.md").read_text()
    header = yaml.safe_load(card.split("---\n")[1])
    assert header["language"] == ["nb"]
    assert [c["config_name"] for c in header["configs"]] == list(FORMATS)
    for section in (
        "## Counts",
        "## Distributions",
        "## How it was anonymized",
        "## Personal and sensitive information",
        "## Limitations",
    ):
        assert section in card
    for fmt in FORMATS:
        assert f"| `{fmt}` | {len(rows(merged, fmt, 'train'))} | {len(rows(merged, fmt, 'test'))} |" in card
    kto = rows(merged, "kto", "train") + rows(merged, "kto", "test")
    types = Counter(r["metadata"]["suggestion_type"] for r in kto if r["metadata"]["source"] == "ai")
    for stype, n in types.items():
        assert f"| {stype} | {n} |" in card
    assert "merged from 3 bundle(s) of 2 practice(s)" in card
    assert "Jaccard >= 0.6 on word\n3-shingles" in card
