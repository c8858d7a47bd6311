"""Synthetic clinical notes with gold spans and hard negatives, in many shapes, in two honest splits.

Shapes: SOAP notes with header blocks, running prose, referral letters, epicrises (both signed), one-line
comments on an AI draft, patient messages, and messy notes. Each document is assembled from randomly
chosen, shuffled, optional pieces of its split's phrase bank, so variety is combinatorial.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from tilbake.tooling.synth import bank_heldout, bank_train
from tilbake.tooling.synth.messy import messy
from tilbake.tooling.synth.rand import Pool, chance, pick
from tilbake.tooling.synth.scene import Scene, expand
from tilbake.tooling.synth.text import Frag, Frags, join, plain, render

SPLITS = {"train": bank_train, "heldout": bank_heldout}
SHAPES = Pool(
    ("soap", "prose", "referral", "epicrisis", "comment", "message", "phone_note", "journal", "messy"),
    (24, 17, 10, 8, 10, 5, 6, 7, 13),
)
_HEADER_P = {
    "name": 0.9,
    "fnr": 0.6,
    "dob": 0.3,
    "age": 0.3,
    "phone": 0.5,
    "email": 0.15,
    "address": 0.35,
    "referrer": 0.3,
    "gp": 0.3,
    "date": 0.6,
    "jnr": 0.25,
    "employer": 0.15,
    "relative": 0.15,
}


def _sentences(scene: Scene, templates: tuple[str, ...], lo: int, hi: int) -> list[Frags]:
    k = min(len(templates), scene.rng.randint(lo, hi))
    return [expand(scene, t) for t in scene.rng.sample(templates, k)]


def _header(scene: Scene, bank: ModuleType) -> list[Frags]:
    rng = scene.rng
    fields = [f for f, p in _HEADER_P.items() if chance(rng, p)]
    if chance(rng, 0.5):
        rng.shuffle(fields)
    lines = [expand(scene, pick(rng, bank.HEADER[f])) for f in fields]
    if chance(rng, 0.12):  # record systems that print names in capitals ("NORDMANN, Kari")
        lines = [[Frag(f.text.upper(), f.label) if f.label == "PERSON" else f for f in ln] for ln in lines]
    return lines


def _soap(scene: Scene, bank: ModuleType) -> Frags:
    rng = scene.rng
    labels = pick(rng, bank.SECTIONS)
    bodies = [(bank.SUBJ, 2, 5), (bank.OBJ, 1, 4), (bank.ASSESS, 1, 2), (bank.PLAN, 1, 4)]
    blocks = [join(_header(scene, bank), "\n")] if chance(rng, 0.8) else []
    for label, (templates, lo, hi) in zip(labels, bodies, strict=True):
        if chance(rng, 0.1):
            continue  # sections are sometimes left out
        inline = chance(rng, 0.6)
        body = join(_sentences(scene, templates, lo, hi), " " if inline else "\n")
        blocks.append([plain(label + (" " if inline else "\n")), *body])
    if chance(rng, 0.3):
        blocks.append(expand(scene, pick(rng, bank.SIGNATURE)))
    return join([b for b in blocks if b], pick(rng, ("\n", "\n\n", "\n")))


def _prose(scene: Scene, bank: ModuleType) -> Frags:
    rng = scene.rng
    parts = [expand(scene, pick(rng, bank.PROSE_OPEN))]
    body = (
        _sentences(scene, bank.SUBJ, 2, 5)
        + _sentences(scene, bank.OBJ, 0, 3)
        + _sentences(scene, bank.ASSESS, 0, 2)
        + _sentences(scene, bank.PLAN, 1, 3)
    )
    if chance(rng, 0.3):
        rng.shuffle(body)
    parts += body
    text = join(parts, " ")
    if chance(rng, 0.25):
        text += [plain(pick(rng, (" ", "\n", " /"))), *expand(scene, "{clin}")]
    return text


def _letter(scene: Scene, bank: ModuleType, opening: tuple[str, ...], body: tuple[str, ...]) -> Frags:
    rng = scene.rng
    blocks = [expand(scene, pick(rng, opening)), expand(scene, pick(rng, bank.LETTER_ABOUT))]
    if chance(rng, 0.5):
        blocks.insert(0, expand(scene, "{town}, {visit}"))
    sentences = _sentences(scene, body, 2, len(body)) + _sentences(scene, bank.SUBJ, 0, 2)
    blocks.append(join(sentences, " "))
    if chance(rng, 0.4):
        blocks.append(join(_sentences(scene, bank.OBJ, 1, 3), " "))
    blocks.append(expand(scene, pick(rng, bank.SIGNATURE)))
    return join(blocks, "\n\n")


def _comment(scene: Scene, bank: ModuleType) -> Frags:
    return join(_sentences(scene, bank.COMMENT, 1, 2), " ")


def _phone_note(scene: Scene, bank: ModuleType) -> Frags:
    first, *rest = bank.PHONE_NOTE
    return join([expand(scene, first), *_sentences(scene, tuple(rest), 2, 4)], pick(scene.rng, (" ", "\n")))


def _journal(scene: Scene, bank: ModuleType) -> Frags:
    # Several dated entries of one patient's record, oldest first.
    rng = scene.rng
    entries = [join(_header(scene, bank), "\n")] if chance(rng, 0.5) else []
    for _ in range(rng.randint(2, 4)):
        body = (_sentences(scene, bank.SUBJ, 1, 2) + _sentences(scene, bank.OBJ, 0, 2)
                + _sentences(scene, bank.PLAN, 1, 2))
        entries.append([*expand(scene, pick(rng, bank.JOURNAL_HEAD)), plain(pick(rng, ("\n", " "))),
                        *join(body, " ")])
    return join([e for e in entries if e], "\n\n")


def _message(scene: Scene, bank: ModuleType) -> Frags:
    return expand(scene, pick(scene.rng, bank.MESSAGE))


def _build(scene: Scene, bank: ModuleType, shape: str) -> Frags:
    if shape == "soap":
        return _soap(scene, bank)
    if shape == "prose":
        return _prose(scene, bank)
    if shape == "referral":
        return _letter(scene, bank, bank.LETTER_OPEN, bank.LETTER_BODY)
    if shape == "epicrisis":
        return _letter(scene, bank, bank.EPI_OPEN, bank.EPI_BODY)
    if shape == "comment":
        return _comment(scene, bank)
    if shape == "journal":
        return _journal(scene, bank)
    if shape == "phone_note":
        return _phone_note(scene, bank)
    if shape == "message":
        return _message(scene, bank)
    base = _soap(scene, bank) if chance(scene.rng, 0.5) else _prose(scene, bank)
    return messy(scene.rng, base, scene.rng.uniform(0.4, 0.9))


def _whitespace(rng: random.Random, frags: Frags) -> Frags:
    # Stray double spaces and trailing blanks, as typed; only plain fragments change.
    if not chance(rng, 0.2):
        return frags
    return [
        Frag(f.text.replace(" ", "  ", 1)) if f.label is None and f.kind is None and chance(rng, 0.1) else f
        for f in frags
    ] + [plain(pick(rng, (" ", "\n", "  ")))]


def notes(n: int, seed: int, *, split: str = "train") -> Iterator[dict[str, Any]]:
    """Yield ``n`` gold-corpus rows ``{"id", "text", "spans", "negatives", "kind"}`` of ``split``."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {sorted(SPLITS)}, got {split!r}")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    bank = SPLITS[split]
    rng = random.Random(f"notes:{split}:{seed}")
    for i in range(n):
        shape = SHAPES.draw(rng)
        scene = Scene(rng, split)
        frags = _build(scene, bank, shape)
        if shape != "messy" and chance(rng, 0.1):
            frags = messy(rng, frags, 0.15)
        text, spans, negatives = render(_whitespace(rng, frags))
        yield {
            "id": f"{split}-{seed}-{i:06d}",
            "text": text,
            "spans": spans,
            "negatives": negatives,
            "kind": shape,
        }
