"""Training side: status against the threshold, the TRL recipe's data loading, the chiroclick layout."""

from __future__ import annotations

import ast
import importlib.util
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from merge_fixtures import examples, make_bundle
from test_merge_dataset import merged  # noqa: F401 (fixture)
from test_merge_service import rows

from tilbake.errors import ExportError, InputError
from tilbake.export.formats import has_template_token
from tilbake.merge import layout, recipe
from tilbake.merge.service import Input


def test_status_counts_new_examples_since_the_last_training(service, tmp_path):
    ds = tmp_path / "ds"
    service.merge([Input(make_bundle(tmp_path / "in", "a", examples(1, 40)), "A")], ds)
    first = service.status(ds)
    sft, dpo = first["new_by_format_and_type"]["sft"], first["new_by_format_and_type"]["dpo"]
    assert first["new_examples"] == sum(sft.values()) + sum(dpo.values()) == 60
    assert set(sft) == {"soap_plan", "soap_assessment", "treatment_plan"}
    assert first["threshold"] == 100 and first["ready"] is False
    assert service.status(ds, threshold=50)["ready"] is True
    service.mark_trained(ds, "run 1")
    assert service.status(ds)["new_examples"] == 0
    service.merge([Input(make_bundle(tmp_path / "in", "b", examples(2, 80)), "B")], ds)
    later = service.status(ds)
    assert later["new_examples"] == 120 and later["ready"] is True and later["last_training"]


def _load_module(path):
    spec = importlib.util.spec_from_file_location("tilbake_data", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["tilbake_data"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("method", ["dpo", "kto"])
def test_the_recipe_s_data_loading_runs_on_the_merged_dataset(merged, tmp_path, method):  # noqa: F811
    files = recipe.write(merged, tmp_path / "recipe", "some/base-model", method)
    names = sorted(p.name for p in files)
    assert names == sorted(["recipe.json", "tilbake_data.py", "train_sft.py", f"train_{method}.py"])
    for path in files:
        if path.suffix == ".py":
            tree = ast.parse(path.read_text())  # valid Python (the training is not run: no GPU)
            imported = {
                n.module if isinstance(n, ast.ImportFrom) else n.names[0].name
                for n in ast.walk(tree)
                if isinstance(n, ast.Import | ast.ImportFrom)
            }
            assert not any(m.split(".")[0] == "tilbake" for m in imported)  # runs without tilbake
    config = json.loads((tmp_path / "recipe" / "recipe.json").read_text())
    assert config["base_model"] == "some/base-model" and config["lora"]["r"] == 16 and method in config
    if method == "kto":
        labels = [r["label"] for r in rows(merged, "kto")]
        assert config["kto"]["desirable_weight"] * sum(labels) >= 1.0 * (len(labels) - sum(labels))
    data = _load_module(tmp_path / "recipe" / "tilbake_data.py")
    for fmt in ("sft", method):
        splits = data.load(merged, fmt)
        assert splits["train"].num_rows == len(rows(merged, fmt, "train"))
        assert "metadata" not in splits["train"].column_names


def test_the_recipe_s_checks_reject_a_row_trl_could_not_read(merged, tmp_path):  # noqa: F811
    recipe.write(merged, tmp_path / "r", "m", "dpo")
    data = _load_module(tmp_path / "r" / "tilbake_data.py")
    table = pq.read_table(merged / "dpo" / "train.parquet").to_pylist()
    table[0]["chosen"] = []
    schema = pq.read_schema(merged / "dpo" / "train.parquet")
    pq.write_table(pa.Table.from_pylist(table, schema=schema), merged / "dpo" / "train.parquet")
    with pytest.raises(AssertionError, match="dpo: chosen must be a list of messages"):
        data.load(merged, "dpo")


def test_recipe_refuses_an_unknown_method_or_folder(tmp_path, merged):  # noqa: F811
    with pytest.raises(InputError, match="method must be one of dpo, kto"):
        recipe.write(merged, tmp_path / "r", "m", "orpo")
    with pytest.raises(InputError, match="holds no merged dataset"):
        recipe.write(tmp_path, tmp_path / "r", "m", "dpo")


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_chiroclick_layout_reads_as_its_trainer_reads_it(merged, tmp_path):  # noqa: F811
    out = tmp_path / "chiro"
    counts = layout.export(merged, out, "chiroclick")
    assert sorted(p.name for p in out.iterdir()) == [
        "dpo_train.jsonl",
        "dpo_validation.jsonl",
        "train.jsonl",
        "validation.jsonl",
    ]
    for name, fmt, side in (("train.jsonl", "sft", "train"), ("validation.jsonl", "sft", "test")):
        lines = _jsonl(out / name)
        assert len(lines) == counts[name] == len(rows(merged, fmt, side)) > 0
        for line in lines:
            assert list(line) == ["messages"]
            roles = [m["role"] for m in line["messages"]]
            assert roles[-1] == "assistant" and "user" in roles
            for m in line["messages"]:
                assert set(m) == {"role", "content"} and isinstance(m["content"], str)
                assert not has_template_token(m["content"])
    for name, side in (("dpo_train.jsonl", "train"), ("dpo_validation.jsonl", "test")):
        lines = _jsonl(out / name)
        assert len(lines) == len(rows(merged, "dpo", side)) > 0
        for line in lines:
            assert sorted(line) == ["chosen", "prompt", "rejected"]
            assert all(isinstance(v, str) and v and not has_template_token(v) for v in line.values())
            assert line["chosen"] != line["rejected"]


def test_the_layout_stops_at_a_templated_text(merged, tmp_path):  # noqa: F811
    table = pq.read_table(merged / "sft" / "test.parquet").to_pylist()
    table[0]["messages"][-1]["content"] = "<|im_start|>assistant Ferdig<|im_end|>"
    schema = pq.read_schema(merged / "sft" / "test.parquet")
    pq.write_table(pa.Table.from_pylist(table, schema=schema), merged / "sft" / "test.parquet")
    with pytest.raises(ExportError, match="sft/test.parquet row 1: a chat-template token"):
        layout.export(merged, tmp_path / "c", "chiroclick")
    assert not (tmp_path / "c" / "validation.jsonl").exists()
    assert not any(p.name.endswith(".partial") for p in (tmp_path / "c").iterdir())
    with pytest.raises(InputError, match="unknown layout 'axolotl'; known: chiroclick"):
        layout.export(merged, tmp_path / "c", "axolotl")
