"""Name and place lists as a model feature: known names and places share a few NORM values.

Without pretrained vectors the model knows a name only if it saw it in training. Mapping every
known name to a class norm (``⟨fornavn⟩``, ``⟨etternavn⟩``, both ``⟨navn⟩``) through spaCy's
``lexeme_norm`` table lets one learned embedding stand for thousands of names it never saw. Places
get ``⟨sted⟩`` (``⟨navn|sted⟩`` when also a Norwegian name: "Tafjord"), and genitives their word's
class ("Bortens", "Malis"). The table is saved with the model's vocab, so the shipped model needs
neither the lists nor tilbake's code to use it.

Sources (training time only): SSB first names and surnames via ``norwegian-fake-data``
("Statistics Norway (SSB), CC BY 4.0, adapted"); mimesis' (MIT) person data of Norwegian and 26
other Latin-script locales (foreign names: NorNE's news is full of them) and its Norwegian address
data (countries in Norwegian, towns); tilbake's own place lists (``deid.lang_nb``). Lower-case forms
are added only for Norwegian names that are not common words, so "per" the preposition keeps its
own norm while "Per" the name gets the class; foreign names never turn a common word into a name.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.util import registry

from tilbake.tooling.ner.tokenizer import add_clinical_abbreviations

FIRST = "⟨fornavn⟩"
SURNAME = "⟨etternavn⟩"
BOTH = "⟨navn⟩"
PLACE = "⟨sted⟩"
NAME_PLACE = "⟨navn|sted⟩"


def _ssb_names() -> tuple[set[str], set[str]]:
    data_file = resources.files("norwegian_fake_data") / "data" / "names.json.gz"
    data = json.loads(gzip.decompress(data_file.read_bytes()))
    first = {name for rows in data["first_names"].values() for name, _ in rows}
    surnames = {name for rows in data["surnames"].values() for name, _ in rows}
    return first, surnames


def _mimesis_names() -> tuple[set[str], set[str]]:
    data = json.loads((resources.files("mimesis") / "datasets" / "no" / "person.json").read_text("utf-8"))
    names = data.get("names", {})
    first = {n for key in ("female", "male") for n in names.get(key, [])}
    surnames = set(data.get("surnames", []))
    return first, surnames


def load_names() -> tuple[set[str], set[str]]:
    """First names and surnames (capitalised) from the installed sources."""
    first, surnames = _ssb_names()
    extra_first, extra_surnames = _mimesis_names()
    keep = lambda names: {n.strip() for n in names if n.strip()[:1].isupper()}  # noqa: E731
    return keep(first | extra_first), keep(surnames | extra_surnames)


# Latin-script locales of mimesis whose names NorNE's news text meets (politicians, artists, athletes)
FOREIGN_LOCALES = (
    "en", "en-gb", "en-au", "en-ca", "de", "de-at", "de-ch", "fr", "es", "es-mx", "it", "pl", "nl",
    "nl-be", "pt", "pt-br", "sv", "da", "fi", "cs", "sk", "hr", "hu", "tr", "et", "is",
)  # fmt: skip
_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:[-'][A-ZÀ-ÖØ-Þa-zß-öø-ÿĀ-ž]+)*")


def load_foreign_names() -> tuple[set[str], set[str]]:
    """First names and surnames of other (Latin-script) locales of mimesis (MIT), single words only."""
    first: set[str] = set()
    surnames: set[str] = set()
    for locale in FOREIGN_LOCALES:
        path = resources.files("mimesis") / "datasets" / locale / "person.json"
        data = json.loads(path.read_text("utf-8"))
        names = data.get("names", {})
        first.update(n for key in ("female", "male") for n in names.get(key, []))
        raw = data.get("surnames", [])
        surnames.update(raw if isinstance(raw, list) else (n for group in raw.values() for n in group))
    keep = lambda names: {n for n in names if _LATIN_NAME.fullmatch(n)}  # noqa: E731
    return keep(first), keep(surnames)


def load_foreign_places() -> set[str]:
    """Countries and continents in Norwegian, and Norwegian towns (mimesis, MIT). Towns of other
    locales are left out: many are surnames ("Clinton", "Lincoln")."""
    data = json.loads((resources.files("mimesis") / "datasets" / "no" / "address.json").read_text("utf-8"))
    places = {*data.get("city", []), *data.get("country", {}).get("name", []), *data.get("continent", [])}
    return {p for p in places if _LATIN_NAME.fullmatch(p)}


def genitive(name: str) -> str:
    """Bokmål genitive: "Borten" -> "Bortens", "Lars" -> "Lars'"."""
    return name + ("'" if name[-1:].lower() in "sxz" else "s")


def norm_table(
    first: Iterable[str],
    surnames: Iterable[str],
    common: Iterable[str],
    foreign_first: Iterable[str] = (),
    foreign_surnames: Iterable[str] = (),
    not_names: Iterable[str] = (),
    places: Iterable[str] = (),
) -> dict[str, str]:
    """``lexeme_norm`` entries for known names and their genitives.

    Norwegian names: capitalised and upper-case forms always, lower-case unless a common word.
    Foreign names and every genitive form are added only when their lower-case form is not a common
    word and the form is not in ``not_names`` (words training text marks as places or organisations,
    "Jordan"): a German first name must not turn the sentence-initial "Men" into a name.
    ``places`` get ``⟨sted⟩`` (capitalised and upper case, unless common), over foreign names;
    Norwegian names that are also places get ``⟨navn|sted⟩`` ("Tafjord", "Mali").
    """
    first_set, surname_set, common_set = set(first), set(surnames), set(common)
    blocked = common_set | {w.lower() for w in not_names}
    table: dict[str, str] = {}  # filled in sorted order: the same table whatever the hash seed

    def norm_of(name: str, firsts: set[str], lasts: set[str]) -> str:
        return BOTH if name in firsts and name in lasts else FIRST if name in firsts else SURNAME

    foreign_firsts, foreign_lasts = set(foreign_first), set(foreign_surnames)
    for name in sorted((foreign_firsts | foreign_lasts) - first_set - surname_set):
        if name.lower() not in blocked:
            norm = norm_of(name, foreign_firsts, foreign_lasts)
            table.update(dict.fromkeys({name, name.upper()}, norm))
    place_set = {place for place in places if place.lower() not in common_set}
    for place in sorted(place_set):
        table.update(dict.fromkeys({place, place.upper()}, PLACE))
    for name in sorted(first_set | surname_set):
        norm = NAME_PLACE if name in place_set else norm_of(name, first_set, surname_set)
        forms = {name, name.upper()}
        if name.lower() not in common_set:
            forms.add(name.lower())
        table.update(dict.fromkeys(forms, norm))
    for name, norm in list(table.items()):
        if name[:1].isupper() and not name.isupper() and len(name) > 1:
            form = genitive(name)
            if form not in table and form.lower() not in blocked:
                table[form] = norm
    return table


def add_name_norms(nlp: Language, table: dict[str, str]) -> Language:
    """Install ``table`` as the vocab's ``lexeme_norm`` lookups (saved and restored with the model)."""
    lookups = nlp.vocab.lookups
    if lookups.has_table("lexeme_norm"):
        lookups.remove_table("lexeme_norm")
    lookups.add_table("lexeme_norm", table)
    nlp.vocab.lookups = lookups  # the setter rewires the NORM getter to the table
    return nlp


@registry.callbacks("tilbake.clinical_nb.v1")
def make_clinical_nb(norms: str | None = None) -> Callable[[Language], Language]:
    """Training-time config hook (``[nlp.after_creation]``): abbreviations + name norms from a JSON file.

    The shipped config drops the hook again: both live in the saved tokenizer and vocab.
    """

    def setup(nlp: Language) -> Language:
        add_clinical_abbreviations(nlp)
        if norms:
            add_name_norms(nlp, json.loads(Path(norms).read_text("utf-8")))
        return nlp

    return setup
