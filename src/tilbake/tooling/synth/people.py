"""Name pools for the ``train`` and ``heldout`` splits, disjoint by construction.

train: SSB first names and surnames (weighted by how many carry them) except a reserved fifth, plus a
curated list of foreign-origin names and a list of names that are also words (Berg, Dal, Lie, Rosa).
heldout: the reserved fifth of SSB names (the detector's gazetteers know them, a model trained on train
never saw them), names SSB does not list at all (rare names from mimesis, another curated list of
foreign-origin and Sámi names) and another list of word-names (Hagen, Eng, Liv, Siv). Every heldout name
missing from the train pools is checked, not assumed (see ``_build``).
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from tilbake.tooling.synth import unseen_names
from tilbake.tooling.synth.data import names as _names
from tilbake.tooling.synth.rand import Pool, chance, pick

WORD_SURNAMES = {
    "train": (
        "Berg",
        "Dal",
        "Lie",
        "Strand",
        "Bakke",
        "Haug",
        "Moe",
        "Lund",
        "Holm",
        "Vik",
        "Sand",
        "Foss",
        "Nes",
        "Fjell",
        "Borg",
    ),
    "heldout": (
        "Hagen",
        "Eng",
        "Brekke",
        "Bakken",
        "Skog",
        "Li",
        "Rud",
        "Kvist",
        "Stang",
        "Lien",
        "Mo",
        "Hov",
    ),
}
WORD_FIRST = {
    "train": ("Rosa", "Stein", "Tor", "Ask", "Lilje", "Bjørn", "Ørn", "Jarl", "Frøya"),
    "heldout": ("Siv", "Liv", "Dag", "Storm", "Bjørk", "Eik", "Sol", "Vår"),
}
FOREIGN_FIRST = {
    ("train", "female"): "Fatima Aisha Amina Maryam Zainab Leila Yasmin Noor Hodan Sahra Agnieszka Katarzyna "
    "Małgorzata Joanna Ewa Olena Iryna Natalia Svetlana Mai Linh Priya Kavitha Aster Selam Rahel Deniz Elif "
    "Ayşe Zeynep Sofija Jelena",
    (
        "train",
        "male",
    ): "Mohammed Ahmed Ali Hassan Omar Abdi Yusuf Mustafa Ibrahim Tomasz Piotr Krzysztof Marek "
    "Andrzej Oleksandr Dmytro Sergej Minh Duc Tuan Rajesh Suresh Tesfaye Dawit Mehmet Emre Mirza "
    "Nikola Dragan "
    "Carlos",
    (
        "heldout",
        "female",
    ): "Hibaq Ubah Filsan Ifrah Nasra Grażyna Bożena Wioletta Oksana Halyna Tetiana Nguyet "
    "Huong Anjali Lakshmi Tharshini Mebrat Saba Tsega Gülsen Hatice Milica Snežana Máret Biret Ingá Xiadani "
    "Chiamaka Ngozi Yuki",
    (
        "heldout",
        "male",
    ): "Abdirahman Abdullahi Mahad Guled Bashir Jarosław Zbigniew Grzegorz Wojciech Volodymyr "
    "Taras Bogdan Quang Thanh Senthil Thayalan Mekonnen Berhane Yohannes Hüseyin Cengiz Zoran Goran Ánde "
    "Niillas Áilu Joaquín Chukwuemeka Kenji Tadesse",
}
FOREIGN_SURNAMES = {
    "train": "Ahmed Mohamed Hussein Ali Hassan Khan Iqbal Nowak Kowalski Wiśniewska Kowalczyk "
    "Nguyen Tran Pham "
    "Shevchenko Kovalenko Yilmaz Demir Kaya Haile Tesfay Gebremedhin Sivakumar Rodriguez Garcia Petrović "
    "Jovanović Hodžić",
    "heldout": "Warsame Jama Abdulkadir Wójcik Zieliński Szymańska Lewandowski Kamiński Bondarenko Tkachenko "
    "Melnyk Hoang Dang Bui Tharmalingam Sivanesan Woldemariam Tekle Gebreyesus Öztürk Çelik Aydın Nikolić "
    "Kovačević Gaup Somby Hætta Okonkwo Takahashi Mbeki",
}

# Surnames with particles or apostrophes: one span, several tokens.
PARTICLE_SURNAMES = {
    "train": ("van der Berg", "O'Connor", "de Jong", "Abu Bakr", "von Hanno"),
    "heldout": ("van Dijk", "O'Brien", "De Souza", "al-Hassan", "El Amrani", "ter Haar", "Dela Cruz"),
}


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


HELDOUT_MIX = (0.4, 0.1, 0.5)  # reserved SSB, mimesis-only, in no gazetteer


def _reserved(name: str) -> bool:
    # A stable fifth of SSB names (crc32, not hash(): the split must not change between runs).
    return zlib.crc32(name.encode()) % 5 == 0


@dataclass(slots=True)
class NamePools:
    first: dict[bool, list[Pool[str]]]  # female? -> pools drawn from with _MIX weights
    surnames: list[Pool[str]]
    word_first: tuple[str, ...]
    word_surnames: tuple[str, ...]
    mix: tuple[float, ...]

    def all_names(self) -> set[str]:
        out = set(self.word_first) | set(self.word_surnames)
        for pools in (*self.first.values(), self.surnames):
            for p in pools:
                out.update(p.items)
        return out


def _ssb_split(rows: list[tuple[str, int]], split: str, exclude: set[str]) -> Pool[str]:
    keep = [(n, float(w)) for n, w in rows if _reserved(n) == (split == "heldout") and n not in exclude]
    return Pool([n for n, _ in keep], [w for _, w in keep])


def _known(data: dict[str, Any]) -> set[str]:
    """Every name a gazetteer built from these sources (SSB, mimesis) would hold."""
    known = {n for g in ("female", "male") for n, _ in data["first"][g]} | {n for n, _ in data["surnames"]}
    return known | {n for g in ("female", "male") for n in data["rare_first"][g]} | set(data["rare_surnames"])


@cache
def pools(split: str) -> NamePools:
    if split not in ("train", "heldout"):
        raise ValueError(f"split must be 'train' or 'heldout', got {split!r}")
    data = _names()
    word_names = {n for s in ("train", "heldout") for n in (*WORD_FIRST[s], *WORD_SURNAMES[s])}
    train_foreign = set(FOREIGN_SURNAMES["train"].split()) | {
        n for g in ("female", "male") for n in FOREIGN_FIRST[("train", g)].split()
    }
    exclude = word_names | (train_foreign if split == "heldout" else set())
    first = {g == "female": [_ssb_split(data["first"][g], split, exclude)] for g in ("female", "male")}
    surnames = [_ssb_split(data["surnames"], split, exclude)]
    if split == "train":
        for g in ("female", "male"):
            first[g == "female"].append(Pool(FOREIGN_FIRST[("train", g)].split()))
        surnames.append(Pool([*FOREIGN_SURNAMES["train"].split(), *PARTICLE_SURNAMES["train"]]))
        return NamePools(first, surnames, WORD_FIRST["train"], WORD_SURNAMES["train"], (0.85, 0.15))
    # heldout, three tiers: reserved SSB (tier 0), mimesis-only names (tier 1): both in a gazetteer
    # built from SSB + mimesis, never in train; tier 2: in no such gazetteer at all.
    seen = pools("train").all_names()
    known = _known(data) | seen
    for g, listed in (("female", unseen_names.FEMALE), ("male", unseen_names.MALE)):
        first[g == "female"].append(Pool([n for n in data["rare_first"][g] if n not in seen]))
        extra = (*listed.split(), *FOREIGN_FIRST[("heldout", g)].split())
        first[g == "female"].append(Pool(sorted({n for n in extra if n not in known})))
    surnames.append(Pool([n for n in data["rare_surnames"] if n not in seen]))
    rare_last = (*unseen_names.SURNAMES.split(), *FOREIGN_SURNAMES["heldout"].split(),
                 *PARTICLE_SURNAMES["heldout"])
    weighted = {n: 8.0 for n in rare_last} | {n: 1.0 for n in unseen_names.farm_names()}  # farm names ~1/3
    kept = sorted(n for n in weighted if n not in known)
    surnames.append(Pool(kept, [weighted[n] for n in kept]))
    return NamePools(first, surnames, WORD_FIRST["heldout"], WORD_SURNAMES["heldout"], HELDOUT_MIX)


def unknown_to_gazetteers() -> set[str]:
    """The heldout names (tier 2) that no gazetteer built from SSB or mimesis holds."""
    p = pools("heldout")
    return {*p.first[True][2].items, *p.first[False][2].items, *p.surnames[2].items}


def _draw(rng: random.Random, choices: list[Pool[str]], mix: tuple[float, ...]) -> str:
    r, acc = rng.random(), 0.0
    for pool, share in zip(choices, mix, strict=True):
        acc += share
        if r < acc:
            return pool.draw(rng)
    return choices[-1].draw(rng)


def first_name(rng: random.Random, split: str, female: bool) -> str:
    p = pools(split)
    if chance(rng, 0.04):
        return pick(rng, p.word_first)
    name = _draw(rng, p.first[female], p.mix)
    if chance(rng, 0.08):  # double first names: "Anne-Lise", "Per Olav"
        other = _draw(rng, p.first[female], p.mix)
        if other != name:
            name = f"{name}{pick(rng, ('-', ' '))}{other}"
    return name


def surname(rng: random.Random, split: str) -> str:
    p = pools(split)
    if chance(rng, 0.1):
        return pick(rng, p.word_surnames)
    name = _draw(rng, p.surnames, p.mix)
    if chance(rng, 0.08):  # double surnames: "Hansen Berg", "Nilsen-Lie"
        other = pick(rng, p.word_surnames) if chance(rng, 0.3) else _draw(rng, p.surnames, p.mix)
        if other != name:
            name = f"{name}{pick(rng, (' ', ' ', '-'))}{other}"
    return name


def person(rng: random.Random, split: str, female: bool | None = None) -> Person:
    female = chance(rng, 0.55) if female is None else female
    return Person(first_name(rng, split, female), surname(rng, split), female)


def mentions(rng: random.Random, p: Person) -> str:
    """A later reference to someone already named: first name, surname, initial + surname, full name."""
    first = p.first.split()[0].split("-")[0] if chance(rng, 0.3) else p.first
    return pick(rng, (first, p.last, p.last, f"{first[0]}. {p.last}", p.full))


def possessive(rng: random.Random, p: Person) -> str:
    """ "Karis", "Nordmanns", "Kari Nordmanns" ("Lars'" after an s); the span is the whole word."""
    base = pick(rng, (p.first, p.last, p.full))
    return base + ("'" if base.endswith(("s", "x", "z")) else "s")
