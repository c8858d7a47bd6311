"""Golden catalogue: rows that are and are not valid in each TRL conversational format.

Every invalid row says why; tests/export/test_formats.py checks the checker agrees, and the valid
rows are also loaded with Hugging Face `datasets`.
"""

from __future__ import annotations

import copy
from typing import Any

SYS = {"role": "system", "content": "Du er en klinisk skriveassistent."}
USER = {"role": "user", "content": "Hovedplage: Vondt i korsryggen\nAlder: 40-49 år\n\nSkriv planen."}
AI = {"role": "assistant", "content": "Øvelser tre ganger i uken."}
DOC = {"role": "assistant", "content": "Øvelser tre ganger i uken, kontroll om to uker."}
META = {
    "suggestion_type": "soap_plan",
    "decision": "minor_edit",
    "confidence": 0.83,
    "age_range": "40-49",
    "source": "clinician",
}


def _meta(**kw: Any) -> dict[str, Any]:
    return {**META, **kw}


def _with(row: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    row = copy.deepcopy(row)
    target = row
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return row


def _without(row: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}


SFT_OK = {"messages": [SYS, USER, DOC], "metadata": META}
DPO_OK = {"prompt": [SYS, USER], "chosen": [DOC], "rejected": [AI], "metadata": META}
KTO_OK = {"prompt": [SYS, USER], "completion": [AI], "label": False, "metadata": _meta(source="ai")}

VALID: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "sft": [
        ("system-user-assistant", SFT_OK),
        ("no system prompt", {"messages": [USER, DOC], "metadata": META}),
        ("multi-turn", {"messages": [SYS, USER, AI, USER, DOC], "metadata": META}),
        (
            "null confidence and age",
            {"messages": [SYS, USER, DOC], "metadata": _meta(confidence=None, age_range=None)},
        ),
        (
            "angle brackets that are not template tokens",
            _with(SFT_OK, ("messages", 2, "content"), "BT <140/90, puls > 100; <sup> ikke tolket"),
        ),
    ],
    "dpo": [
        ("explicit prompt with system", DPO_OK),
        (
            "explicit prompt without system",
            {"prompt": [USER], "chosen": [DOC], "rejected": [AI], "metadata": META},
        ),
    ],
    "kto": [
        ("undesirable AI text", KTO_OK),
        (
            "desirable clinician text",
            {"prompt": [SYS, USER], "completion": [DOC], "label": True, "metadata": META},
        ),
    ],
}

INVALID: dict[str, list[tuple[str, dict[str, Any] | Any]]] = {
    "sft": [
        ("not an object", ["messages"]),
        ("missing metadata", _without(SFT_OK, "metadata")),
        ("standard text format, not conversational", {"text": "Øvelser", "metadata": META}),
        ("extra top-level key", {**SFT_OK, "organization": "Klinikk"}),
        ("empty messages", _with(SFT_OK, ("messages",), [])),
        ("ends with user", {"messages": [SYS, USER], "metadata": META}),
        ("system not first", {"messages": [USER, SYS, DOC], "metadata": META}),
        ("two user turns in a row", {"messages": [SYS, USER, USER, DOC], "metadata": META}),
        ("starts with assistant", {"messages": [SYS, DOC], "metadata": META}),
        ("unknown role", _with(SFT_OK, ("messages", 1, "role"), "human")),
        ("message with extra key", _with(SFT_OK, ("messages", 1, "name"), "lege")),
        ("content not a string", _with(SFT_OK, ("messages", 2, "content"), ["Øvelser"])),
        ("empty content", _with(SFT_OK, ("messages", 2, "content"), "   ")),
        (
            "ChatML tokens (templated twice)",
            _with(SFT_OK, ("messages", 2, "content"), "<|im_start|>assistant\nØvelser<|im_end|>"),
        ),
        ("Llama 2 [INST]", _with(SFT_OK, ("messages", 1, "content"), "[INST] Skriv planen [/INST]")),
        ("Llama 2 <<SYS>>", _with(SFT_OK, ("messages", 0, "content"), "<<SYS>>\nDu er\n<</SYS>>")),
        ("BOS <s>", _with(SFT_OK, ("messages", 2, "content"), "<s>Øvelser</s>")),
        (
            "Llama 3 header",
            _with(SFT_OK, ("messages", 2, "content"), "<|start_header_id|>assistant<|end_header_id|>"),
        ),
        (
            "Gemma turn",
            _with(SFT_OK, ("messages", 2, "content"), "<start_of_turn>model\nØvelser<end_of_turn>"),
        ),
        ("Alpaca header", _with(SFT_OK, ("messages", 1, "content"), "### Instruction:\nSkriv planen")),
        ("metadata with organization id", _with(SFT_OK, ("metadata", "organization_id"), 7)),
        ("metadata with encounter id", _with(SFT_OK, ("metadata", "encounter_id"), "e-1")),
        ("metadata missing a key", {"messages": [SYS, USER, DOC], "metadata": _without(META, "age_range")}),
        ("unknown decision", _with(SFT_OK, ("metadata", "decision"), "modified")),
        ("confidence above 1", _with(SFT_OK, ("metadata", "confidence"), 1.5)),
        ("confidence as bool", _with(SFT_OK, ("metadata", "confidence"), True)),
        ("unknown source", _with(SFT_OK, ("metadata", "source"), "model")),
    ],
    "dpo": [
        ("implicit prompt (no prompt key)", _without(DPO_OK, "prompt")),
        ("standard strings", {"prompt": "Skriv planen.", "chosen": "a", "rejected": "b", "metadata": META}),
        ("prompt ends with assistant", _with(DPO_OK, ("prompt",), [SYS, USER, AI])),
        ("chosen is two messages", _with(DPO_OK, ("chosen",), [DOC, DOC])),
        ("chosen is a user message", _with(DPO_OK, ("chosen",), [USER])),
        ("rejected empty", _with(DPO_OK, ("rejected",), [])),
        ("chosen equals rejected", _with(DPO_OK, ("rejected",), [DOC])),
        ("template token in chosen", _with(DPO_OK, ("chosen", 0, "content"), "Øvelser<|eot_id|>")),
        ("kto key in a dpo row", {**DPO_OK, "label": True}),
    ],
    "kto": [
        ("label as int", _with(KTO_OK, ("label",), 1)),
        ("label as string", _with(KTO_OK, ("label",), "true")),
        ("missing label", _without(KTO_OK, "label")),
        ("paired keys in a kto row", {**DPO_OK, "label": True}),
        ("completion as a string", _with(KTO_OK, ("completion",), "Øvelser")),
        ("completion from the user", _with(KTO_OK, ("completion",), [USER])),
        ("prompt without user", _with(KTO_OK, ("prompt",), [SYS])),
        ("template token in prompt", _with(KTO_OK, ("prompt", 1, "content"), "<|user|>\nSkriv planen")),
    ],
}
