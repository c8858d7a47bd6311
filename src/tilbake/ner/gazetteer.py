"""Norwegian name lists as a model feature: known first names and surnames share one NORM value.

Without pretrained vectors the model knows a name only if it saw it in training. Mapping every
known name to a class norm (``⟨fornavn⟩``, ``⟨etternavn⟩``) through spaCy's ``lexeme_norm`` table
lets one learned embedding stand for thousands of names it never saw. The table is saved with the
model's vocab, so the shipped model needs neither the lists nor tilbake's code to use it.

Sources (training time only): SSB first names and surnames via ``norwegian-fake-data``
("Statistics Norway (SSB), CC BY 4.0, adapted") and mimesis' Norwegian person data (MIT).
Lower-case forms are added only when they are not common words (``common``), so "per" the
preposition keeps its own norm while "Per" the name gets the class.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.util import registry

from tilbake.ner.tokenizer import add_clinical_abbreviations

FIRST = "⟨fornavn⟩"
SURNAME = "⟨etternavn⟩"
BOTH = "⟨navn⟩"


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


def norm_table(first: Iterable[str], surnames: Iterable[str], common: Iterable[str]) -> dict[str, str]:
    """``lexeme_norm`` entries: capitalised and upper-case forms always, lower-case unless common."""
    first_set, surname_set, common_set = set(first), set(surnames), set(common)
    table: dict[str, str] = {}
    for name in first_set | surname_set:
        norm = BOTH if name in first_set and name in surname_set else FIRST if name in first_set else SURNAME
        forms = {name, name.upper()}
        if name.lower() not in common_set:
            forms.add(name.lower())
        table.update(dict.fromkeys(forms, norm))
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
