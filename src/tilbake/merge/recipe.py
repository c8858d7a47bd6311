"""``tilbake dataset recipe``: a ready TRL training recipe for a merged dataset (not run here).

Writes into a folder: ``recipe.json`` (the base model, the dataset, SFT and DPO-or-KTO settings,
LoRA via peft, KTO class weights from the dataset's counts), ``tilbake_data.py`` (loads a config's
splits from the Parquet files, drops the metadata and checks the rows the way TRL reads them,
with TRL's own ``is_conversational`` when TRL is installed), ``train_sft.py`` and ``train_dpo.py``
or ``train_kto.py``: SFT first, then the preference step on the SFT adapter's output.
The scripts import no tilbake: they run on a GPU machine with ``pip install trl peft datasets``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from tilbake.errors import InputError
from tilbake.export.manifest import kto_weights

METHODS = ("dpo", "kto")

DATA_PY = '''"""Load one config of a tilbake merged dataset for TRL, and check it as TRL reads it."""
from pathlib import Path

from datasets import load_dataset

KEYS = {
    "sft": ("messages",),
    "dpo": ("prompt", "chosen", "rejected"),
    "kto": ("prompt", "completion", "label"),
}


def _check(fmt, example):
    for key in KEYS[fmt]:
        value = example[key]
        if key == "label":
            assert isinstance(value, bool), f"{fmt}: label must be a bool"
            continue
        assert isinstance(value, list) and value, f"{fmt}: {key} must be a list of messages"
        assert all(set(m) == {"role", "content"} and isinstance(m["content"], str) for m in value), key
    try:
        from trl.data_utils import is_conversational
    except ImportError:
        return
    assert is_conversational(example), f"{fmt}: TRL does not read the row as conversational"


def load(dataset_dir, fmt):
    """The train and test splits of config ``fmt`` ("sft", "dpo", "kto"), without the metadata."""
    root = Path(dataset_dir)
    files = {s: str(root / fmt / f"{s}.parquet") for s in ("train", "test")}
    splits = load_dataset("parquet", data_files=files).remove_columns("metadata")
    for split in splits.values():
        for example in split:
            _check(fmt, example)
    return splits
'''

SFT_PY = '''"""Step 1: supervised fine-tuning with LoRA (recipe.json, section "sft")."""
import json

from peft import LoraConfig
from trl import SFTConfig, SFTTrainer

from tilbake_data import load

recipe = json.load(open("recipe.json"))
data = load(recipe["dataset_dir"], "sft")
trainer = SFTTrainer(
    model=recipe["base_model"],
    args=SFTConfig(**recipe["sft"]),
    train_dataset=data["train"],
    eval_dataset=data["test"],
    peft_config=LoraConfig(**recipe["lora"]),
)
trainer.train()
trainer.save_model(recipe["sft"]["output_dir"])
'''

PREF_PY = '''"""Step 2: {upper} on the SFT model with a new LoRA adapter (recipe.json, section "{method}")."""
import json

from peft import AutoPeftModelForCausalLM, LoraConfig
from transformers import AutoTokenizer
from trl import {upper}Config, {upper}Trainer

from tilbake_data import load

recipe = json.load(open("recipe.json"))
sft_dir = recipe["sft"]["output_dir"]
model = AutoPeftModelForCausalLM.from_pretrained(sft_dir).merge_and_unload()
tokenizer = AutoTokenizer.from_pretrained(recipe["base_model"])
data = load(recipe["dataset_dir"], "{method}")
trainer = {upper}Trainer(
    model=model,
    args={upper}Config(**recipe["{method}"]),
    train_dataset=data["train"],
    eval_dataset=data["test"],
    processing_class=tokenizer,
    peft_config=LoraConfig(**recipe["lora"]),
)
trainer.train()
trainer.save_model(recipe["{method}"]["output_dir"])
'''


def _kto_counts(dataset_dir: Path) -> tuple[int, int]:
    table = pq.read_table(dataset_dir / "kto" / "train.parquet", columns=["label"])
    labels = table.column("label").to_pylist()
    return sum(labels), len(labels) - sum(labels)


def config(dataset_dir: Path, base_model: str, method: str) -> dict[str, Any]:
    common = {
        "num_train_epochs": 2,
        "per_device_train_batch_size": 4,
        "gradient_accumulation_steps": 4,
        "learning_rate": 2e-4,
        "logging_steps": 10,
        "eval_strategy": "epoch",
        "bf16": True,
    }
    pref: dict[str, Any] = {**common, "learning_rate": 5e-6, "beta": 0.1, "output_dir": f"out/{method}"}
    if method == "kto":
        weights = kto_weights(*_kto_counts(dataset_dir))
        pref |= {
            "desirable_weight": weights["desirable_weight"],
            "undesirable_weight": weights["undesirable_weight"],
        }
    return {
        "base_model": base_model,
        "dataset_dir": str(dataset_dir.absolute()),
        "sft": {**common, "max_length": 2048, "output_dir": "out/sft"},
        method: pref,
        "lora": {
            "r": 16,
            "lora_alpha": 32,
            "lora_dropout": 0.05,
            "target_modules": "all-linear",
            "task_type": "CAUSAL_LM",
        },
    }


def write(dataset_dir: Path, out: Path, base_model: str, method: str = "dpo") -> list[Path]:
    if method not in METHODS:
        raise InputError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    if not (dataset_dir / "sft" / "train.parquet").exists():
        raise InputError(f"{dataset_dir} holds no merged dataset (no sft/train.parquet)")
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "recipe.json": json.dumps(config(dataset_dir, base_model, method), indent=2) + "\n",
        "tilbake_data.py": DATA_PY,
        "train_sft.py": SFT_PY,
        f"train_{method}.py": PREF_PY.format(method=method, upper=method.upper()),
    }
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return [out / n for n in files]
