"""Check a row against the TRL conversational format it claims, the way a trainer would read it.

    sft  conversational language modeling  {"messages": [system?, user, assistant, ...], "metadata"}
    dpo  preference with explicit prompt   {"prompt": [system?, user], "chosen": [assistant],
                                            "rejected": [assistant], "metadata"}
    kto  unpaired preference               {"prompt": [system?, user], "completion": [assistant],
                                            "label": bool, "metadata"}

Message contents must be plain text: a chat-template token inside a content (``<|im_start|>``,
``[INST]``, ``<s>``...) means the text was templated before export and would be templated twice by the
trainer, so it is rejected. ``problems`` lists what is wrong (empty when the row is valid); it never
quotes the row's text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tilbake.capture.decisions import CORRECTION_TYPES as DECISIONS
from tilbake.errors import ExportError
from tilbake.export.rows import FORMATS, METADATA_KEYS

ROLES = ("system", "user", "assistant")
_FIELDS: dict[str, tuple[str, ...]] = {
    "sft": ("messages", "metadata"),
    "dpo": ("prompt", "chosen", "rejected", "metadata"),
    "kto": ("prompt", "completion", "label", "metadata"),
}
# Special tokens of the common chat templates (ChatML, Llama 2/3, Mistral, Gemma, Phi, Alpaca-style).
TEMPLATE_TOKENS = re.compile(
    r"<\|[A-Za-z0-9_]+\|>"  # <|im_start|> <|eot_id|> <|start_header_id|> <|endoftext|> <|user|>
    r"|\[/?INST\]|<</?SYS>>|</?s>|<(?:start|end)_of_turn>|<bos>|<eos>|<pad>"
    r"|^\s*###\s*(?:Instruction|Response|Input)\s*:",
    re.MULTILINE,
)


def has_template_token(text: str) -> bool:
    """``TEMPLATE_TOKENS.search(text)``, with the regex only where a token could start: every one
    holds "<", "INST]" or "###" (the anonymized texts hold "[" in every tag, so that is no filter)."""
    return ("<" in text or "INST]" in text or "###" in text) and TEMPLATE_TOKENS.search(text) is not None


def _message_problems(where: str, messages: Any) -> list[str]:
    if not isinstance(messages, list) or not messages:
        return [f"{where} must be a non-empty list of messages"]
    problems = []
    for i, msg in enumerate(messages):
        at = f"{where}[{i}]"
        if not isinstance(msg, Mapping) or set(msg) != {"role", "content"}:
            problems.append(f"{at} must have exactly the keys 'role' and 'content'")
            continue
        if msg["role"] not in ROLES:
            problems.append(f"{at}.role must be one of {', '.join(ROLES)}")
        content = msg["content"]
        if not isinstance(content, str) or not content.strip():
            problems.append(f"{at}.content must be a non-empty string")
        elif has_template_token(content):
            problems.append(
                f"{at}.content holds a chat-template token (the text was templated before export)"
            )
    return problems


def _roles(messages: Any) -> list[str]:
    if not isinstance(messages, list):
        return []
    return [str(m.get("role")) for m in messages if isinstance(m, Mapping)]


def _conversation_problems(where: str, roles: list[str], *, ends_with: str) -> list[str]:
    """system only first; then user and assistant alternate, starting with user; last as required."""
    turns = roles[1:] if roles[:1] == ["system"] else roles
    if "system" in turns:
        return [f"{where}: a system message may only come first"]
    if not turns:
        return [f"{where} needs a user message"]
    expected = ["user" if i % 2 == 0 else "assistant" for i in range(len(turns))]
    if turns != expected:
        return [f"{where}: user and assistant turns must alternate, starting with user"]
    if turns[-1] != ends_with:
        return [f"{where} must end with a {ends_with} message"]
    return []


def _single_assistant(where: str, messages: Any) -> list[str]:
    if _roles(messages) != ["assistant"]:
        return [f"{where} must be exactly one assistant message"]
    return []


def _metadata_problems(meta: Any) -> list[str]:
    if not isinstance(meta, Mapping):
        return ["metadata must be an object"]
    if set(meta) != set(METADATA_KEYS):
        extra = sorted(set(meta) - set(METADATA_KEYS))
        return [
            f"metadata keys must be exactly {', '.join(METADATA_KEYS)}"
            + (f"; extra: {extra}" if extra else "")
        ]
    problems = []
    if meta["decision"] not in DECISIONS:
        problems.append(f"metadata.decision must be one of {', '.join(DECISIONS)}")
    if meta["source"] not in ("ai", "clinician"):
        problems.append("metadata.source must be 'ai' or 'clinician'")
    conf = meta["confidence"]
    if conf is not None and (
        isinstance(conf, bool) or not isinstance(conf, int | float) or not 0 <= conf <= 1
    ):
        problems.append("metadata.confidence must be null or a number within 0..1")
    return problems


def problems(fmt: str, row: Any) -> list[str]:
    """What keeps ``row`` from being a valid ``fmt`` row (``sft``, ``dpo`` or ``kto``); empty if valid."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    if not isinstance(row, Mapping):
        return ["a row must be a JSON object"]
    if set(row) != set(_FIELDS[fmt]):
        return [f"a {fmt} row must have exactly the keys {', '.join(_FIELDS[fmt])}"]
    found: list[str] = []
    if fmt == "sft":
        found += _message_problems("messages", row["messages"])
        found += _conversation_problems("messages", _roles(row["messages"]), ends_with="assistant")
    else:
        found += _message_problems("prompt", row["prompt"])
        found += _conversation_problems("prompt", _roles(row["prompt"]), ends_with="user")
        answers = ("chosen", "rejected") if fmt == "dpo" else ("completion",)
        for key in answers:
            found += _message_problems(key, row[key]) + _single_assistant(key, row[key])
        if fmt == "dpo" and not found and row["chosen"][0]["content"] == row["rejected"][0]["content"]:
            found.append("chosen and rejected must differ")
        if fmt == "kto" and not isinstance(row["label"], bool):
            found.append("label must be true or false")
    return found + _metadata_problems(row["metadata"])


def check(fmt: str, row: Any) -> None:
    """Raise ExportError naming the first problems when ``row`` is not a valid ``fmt`` row."""
    found = problems(fmt, row)
    if found:
        raise ExportError(f"invalid {fmt} row: {'; '.join(found[:3])}")
