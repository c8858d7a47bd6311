"""Norwegian (bokmål) language data for the recognizers: word lists here, gazetteers in ``data/``.

The gazetteers are read once, lazily, from the package's own gzipped files (the only I/O in ``deid``).
Sources, adapted by ``scripts/build_lang_nb.py``:

- first names and surnames: Statistics Norway (SSB) tables 10467 and 12891, CC BY 4.0, adapted
  (via norwegian-fake-data 0.2.0); first names and surnames from mimesis 22.2.0 (MIT);
- postcodes and poststeder: Bring's register as converted by sindresorhus/norway-postal-codes 3.3.0 (MIT);
- kommuner: @faker-js/faker 10.6.0 nb_NO locale (MIT); towns: mimesis 22.2.0 (MIT).

Hand-curated lists (hospitals, clinic words, context words, eponyms, drug brands, agencies) are the
project's own, in ``words.py`` and ``orgs.py``.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    raw = resources.files(__package__).joinpath("data", name).read_bytes()
    return gzip.decompress(raw).decode("utf-8").splitlines()


@cache
def first_names() -> frozenset[str]:
    """First names with at least 200 bearers in Norway (SSB), plus mimesis' list."""
    return frozenset(_lines("first_names.txt.gz"))


@cache
def surnames() -> frozenset[str]:
    return frozenset(_lines("surnames.txt.gz"))


@cache
def known_names() -> frozenset[str]:
    """First names and surnames together."""
    return first_names() | surnames()


@cache
def postcodes() -> dict[str, str]:
    """Four-digit postcode -> poststed (title case)."""
    return dict(line.split("\t", 1) for line in _lines("postcodes.tsv.gz"))


@cache
def places() -> frozenset[str]:
    """Poststeder, kommuner and towns, title case."""
    return frozenset(_lines("places.txt.gz"))


@cache
def places_lower() -> frozenset[str]:
    return frozenset(p.lower() for p in places())


@cache
def regions_lower() -> frozenset[str]:
    """Regions, counties and districts (``orgs.REGIONS``) and the regions of the gazetteer's own
    "X i Y" / "X på Y" places ("Vesterålen" from "Stø i Vesterålen"), lower case."""
    from tilbake.deid.lang_nb.orgs import REGIONS

    own = {p.split(f" {prep} ", 1)[1] for p in places_lower() for prep in ("i", "på") if f" {prep} " in p}
    return frozenset(own | {r.lower() for r in REGIONS})


#: Countries and continents in bokmål, lower case: a country says too little to identify anyone
#: ("kom fra Syria", "reise til Thailand"), so country spans are not places to hide.
COUNTRIES = frozenset("""
norge sverige danmark finland island færøyene grønland tyskland frankrike spania portugal italia hellas
nederland belgia luxembourg sveits østerrike polen tsjekkia slovakia ungarn romania bulgaria serbia kroatia
slovenia bosnia albania kosovo montenegro makedonia nord-makedonia estland latvia litauen russland
ukraina hviterussland belarus moldova tyrkia kypros malta irland england skottland wales storbritannia
usa amerika canada mexico brasil argentina chile peru colombia venezuela cuba bolivia ecuador
syria irak iran afghanistan pakistan india bangladesh nepal kina japan korea sør-korea nord-korea
vietnam thailand filippinene indonesia malaysia myanmar burma kambodsja laos singapore mongolia
libanon israel palestina jordan saudi-arabia jemen oman qatar kuwait emiratene
egypt libya tunisia algerie marokko sudan sør-sudan eritrea etiopia somalia kenya uganda tanzania
rwanda burundi kongo nigeria ghana gambia senegal mali niger tsjad kamerun angola zambia zimbabwe
mosambik namibia botswana sør-afrika madagaskar tsjetsjenia georgia armenia aserbajdsjan kasakhstan
usbekistan tadsjikistan australia new-zealand europa afrika asia amerika oseania skandinavia norden
""".split())  # noqa: SIM905 (a block of words reads better than 150 quoted strings)


def country(word: str) -> bool:
    """Whether ``word`` (any case) names a country or continent."""
    return word.strip().lower() in COUNTRIES
