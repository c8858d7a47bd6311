"""Places and organisations by split: postcodes, towns, streets, hospitals, clinics, employers, schools.

Hand-curated lists are split by hand (hospitals, employers); long lists by a stable hash (streets,
towns), so the heldout split names places a model trained on train never saw.
"""

from __future__ import annotations

import random
import zlib
from functools import cache

from tilbake.tooling.synth.data import names as _names
from tilbake.tooling.synth.rand import chance, pick

# Real postcodes with their post towns; each town goes to one split (see _lists).
_POSTCODES = [
    "0150 Oslo",
    "0182 Oslo",
    "0250 Oslo",
    "0354 Oslo",
    "0450 Oslo",
    "0555 Oslo",
    "0661 Oslo",
    "0763 Oslo",
    "0851 Oslo",
    "0975 Oslo",
    "1337 Sandvika",
    "1363 Høvik",
    "1406 Ski",
    "1440 Drøbak",
    "1473 Lørenskog",
    "1530 Moss",
    "1607 Fredrikstad",
    "1706 Sarpsborg",
    "1771 Halden",
    "1811 Askim",
    "2000 Lillestrøm",
    "2050 Jessheim",
    "2317 Hamar",
    "2408 Elverum",
    "2609 Lillehammer",
    "2815 Gjøvik",
    "3015 Drammen",
    "3110 Tønsberg",
    "3210 Sandefjord",
    "3256 Larvik",
    "3510 Hønefoss",
    "3616 Kongsberg",
    "3730 Skien",
    "3915 Porsgrunn",
    "4010 Stavanger",
    "4306 Sandnes",
    "4340 Bryne",
    "4400 Flekkefjord",
    "4614 Kristiansand",
    "4836 Arendal",
    "4876 Grimstad",
    "5003 Bergen",
    "5058 Bergen",
    "5141 Fyllingsdalen",
    "5221 Nesttun",
    "5411 Stord",
    "5527 Haugesund",
    "5705 Voss",
    "6002 Ålesund",
    "6413 Molde",
    "6509 Kristiansund",
    "6800 Førde",
    "6900 Florø",
    "7010 Trondheim",
    "7030 Trondheim",
    "7089 Heimdal",
    "7500 Stjørdal",
    "7600 Levanger",
    "7714 Steinkjer",
    "8006 Bodø",
    "8310 Kabelvåg",
    "8514 Narvik",
    "8622 Mo i Rana",
    "9008 Tromsø",
    "9406 Harstad",
    "9510 Alta",
    "9600 Hammerfest",
    "9900 Kirkenes",
    "9800 Vadsø",
    "2212 Kongsvinger",
    "3300 Hokksund",
    "2615 Lillehammer",
    "1617 Fredrikstad",
    "0484 Oslo",
    "5147 Fyllingsdalen",
]

HOSPITALS = {
    "train": (
        "Ahus",
        "Riksen",
        "Rikshospitalet",
        "Ullevål",
        "Ullevål sykehus",
        "Haukeland",
        "St. Olavs",
        "St. Olav",
        "SUS",
        "Diakonhjemmet",
        "Sykehuset Østfold",
        "Drammen sykehus",
        "Sørlandet sykehus",
        "Nordlandssykehuset",
        "Sykehuset Telemark",
        "Martina Hansens Hospital",
        "Volvat",
        "Unilabs",
        "Aker sykehus",
        "Kalnes",
        "Sykehuset Innlandet",
    ),
    "heldout": (
        "UNN",
        "Universitetssykehuset Nord-Norge",
        "Lovisenberg",
        "Lovisenberg Diakonale Sykehus",
        "Stavanger universitetssjukehus",
        "Haukeland universitetssjukehus",
        "Radiumhospitalet",
        "Sunnaas",
        "Bærum sykehus",
        "Ålesund sjukehus",
        "Sykehuset i Vestfold",
        "Aleris",
        "Colosseumklinikken",
        "Curato røntgen",
        "Kysthospitalet i Stavern",
        "Helse Førde",
        "Finnmarkssykehuset",
        "Akershus universitetssykehus",
        "Oslo universitetssykehus",
    ),
}
EMPLOYERS = {
    "train": (
        "Equinor",
        "Posten",
        "Kiwi",
        "Rema 1000",
        "DNB",
        "Telenor",
        "Norsk Hydro",
        "Coop Extra",
        "Veidekke",
        "Statens vegvesen",
        "Norwegian",
        "Kongsberg Gruppen",
        "Orkla",
        "IKEA Furuset",
        "Bama",
        "Mesta",
        "Obos",
        "Securitas",
    ),
    "heldout": (
        "Aker Solutions",
        "Statkraft",
        "Bring",
        "Meny",
        "Sparebank 1",
        "Tine",
        "Norgesgruppen",
        "Skanska",
        "Circle K",
        "XXL",
        "Elkjøp",
        "Vy",
        "Ruter",
        "Schibsted",
        "Yara",
        "Mowi",
        "Helly Hansen",
        "Fjordkraft",
    ),
}
# {p} is a place or street word; split by form as well as by the word filled in.
CLINIC_FORMS = {
    "train": (
        "{p} Kiropraktikk",
        "{p} legesenter",
        "{p} Legesenter",
        "{p} fysioterapi",
        "{p} Kiropraktorklinikk",
        "{p} helsesenter",
        "{p} legekontor",
        "Kiropraktorklinikken {p}",
        "{p} Fysioterapi og Trening",
    ),
    "heldout": (
        "{p} Kiropraktorsenter",
        "{p} Legegruppe",
        "{p} Fysikalske Institutt",
        "{p} Helsehus",
        "{p} Medisinske Senter",
        "{p} Manuellterapi",
        "{p} Legeklinikk",
        "{p} Ryggklinikk",
        "{p} kiropraktorkontor DA",
    ),
}
SCHOOL_FORMS = {
    "train": ("{p} skole", "{p} ungdomsskole", "{p} videregående skole", "{p} barnehage"),
    "heldout": ("{p} barneskule", "{p} vgs", "{p} skule", "{p} oppvekstsenter"),
}
UNIVERSITIES = {
    "train": ("Universitetet i Oslo", "NTNU", "UiB", "Høgskolen i Innlandet"),
    "heldout": ("OsloMet", "UiT", "Handelshøyskolen BI", "Høgskulen på Vestlandet", "Nord universitet"),
}
CLUB_FORMS = {
    "train": ("{p} IL", "{p} Fotballklubb", "{p} Turn", "{p} Golfklubb"),
    "heldout": ("{p} Idrettslag", "IK {p}", "{p} Håndballklubb", "{p} Skiklubb"),
}
_SUFFIXES = (
    "gate",
    "gata",
    "veien",
    "vegen",
    "vei",
    "allé",
    "plass",
    "bakken",
    "terrasse",
    "stien",
    "svingen",
    "lia",
    "haugen",
    "tunet",
    "ringen",
    "jordet",
)


def _half(name: str, split: str) -> bool:
    return (zlib.crc32(name.encode()) % 2 == 0) == (split == "train")


# Neighbourhoods and street names that clinics are named after ("Bjerke Kiropraktikk").
_NEIGHBOURHOODS = (
    "Bjerke", "Storgata", "Majorstuen", "Sentrum", "Torshov", "Nordre", "Sagene", "Lambertseter",
    "Grünerløkka", "Kolbotn", "Bekkestua", "Sandvika", "Fana", "Lade", "Madla", "Hinna", "Tiller",
    "Eidsvoll", "Kløfta", "Nesodden", "Bryn", "Ensjø", "Vinderen", "Røa", "Furuset", "Stovner",
    "Bogstadveien", "Holmlia", "Lysaker", "Fornebu", "Fyllingsdalen", "Åsane", "Sandviken", "Nyborg",
)


@cache
def _lists(split: str) -> dict[str, tuple[str, ...]]:
    data = _names()
    streets = tuple(s for s in data["streets"] if _half(s, split))
    # Split by town, not by row, so a town (and all its postcodes) belongs to one split only.
    posts = tuple(p for p in _POSTCODES if _half(p.split(" ", 1)[1], split))
    towns = tuple(sorted({p.split(" ", 1)[1] for p in posts} | {t for t in data["towns"] if _half(t, split)}))
    words = tuple(w for w in _NEIGHBOURHOODS if _half(w, split))
    return {"streets": streets, "posts": posts, "towns": towns, "words": tuple(sorted(set(words + towns)))}


def street(rng: random.Random, split: str) -> str:
    name = pick(rng, _lists(split)["streets"])
    if not name.lower().endswith(_SUFFIXES):
        name += pick(rng, (" gate", " vei", " gate", " allé", " plass"))
    number = f"{rng.randint(1, 180)}"
    if chance(rng, 0.2):
        number += pick(rng, ("A", "B", "C", " B", "a"))
    return f"{name} {number}"


def postplace(rng: random.Random, split: str) -> str:
    return pick(rng, _lists(split)["posts"])


def town(rng: random.Random, split: str) -> str:
    return pick(rng, _lists(split)["towns"])


def hospital(rng: random.Random, split: str) -> str:
    return pick(rng, HOSPITALS[split])


def clinic(rng: random.Random, split: str) -> str:
    return pick(rng, CLINIC_FORMS[split]).format(p=pick(rng, _lists(split)["words"]))


def employer(rng: random.Random, split: str) -> str:
    return pick(rng, EMPLOYERS[split])


def school(rng: random.Random, split: str) -> str:
    if chance(rng, 0.25):
        return pick(rng, UNIVERSITIES[split])
    return pick(rng, SCHOOL_FORMS[split]).format(p=pick(rng, _lists(split)["words"]))


def club(rng: random.Random, split: str) -> str:
    return pick(rng, CLUB_FORMS[split]).format(p=pick(rng, _lists(split)["words"]))


def clinic_domain(name: str) -> str:
    from tilbake.tooling.synth.identifiers import ascii_fold

    return ascii_fold(name.replace(" ", "")) + ".no"
