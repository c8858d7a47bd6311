"""One document's cast and facts, and the slot fillers templates draw on.

A template is a string with ``{slot}`` holes. Each slot is filled by a function of the scene that
returns fragments: the patient's name comes back as a PERSON fragment, ``{vertebra}`` as a hard
negative, ``{finding}`` as plain text. The scene draws the patient, the clinician and the dates once, so
a document names the same people throughout.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from tilbake.tooling.synth import clinical, identifiers, people, places
from tilbake.tooling.synth.rand import chance, pick
from tilbake.tooling.synth.text import Frag, Frags, phi, plain

TODAY = dt.date(2026, 11, 1)
# Relation words, split like the names: "kona Mette", "datteren hennes Ingrid" (train) vs
# "ektefellen Mette", "barnebarnet Ingrid" (heldout). Keyed by (split, female relative?).
RELATIONS = {
    ("train", True): ("kona", "samboeren", "datteren", "søsteren", "moren", "svigermoren", "kjæresten",
                      "datteren hennes", "naboen", "venninnen"),
    ("train", False): ("mannen", "samboeren", "sønnen", "broren", "faren", "svigerfaren", "kjæresten",
                       "sønnen hans", "naboen", "kollegaen"),
    ("heldout", True): ("ektefellen", "barnebarnet", "tanten", "bestemoren", "stedatteren", "svigerinnen",
                        "eldste datter", "kusinen", "dattera", "kona hans"),
    ("heldout", False): ("ektemannen", "barnebarnet", "onkelen", "bestefaren", "stesønnen", "svogeren",
                         "yngste sønn", "fetteren", "gutten", "mannen hennes"),
}
JOBS = {
    "train": ("sykepleier", "lærer", "snekker", "butikkmedarbeider", "lastebilsjåfør", "renholder",
              "ingeniør", "frisør", "barnehageassistent", "elektriker"),
    "heldout": ("helsefagarbeider", "lektor", "tømrer", "kassamedarbeider", "bussjåfør", "vaskehjelp",
                "konsulent", "kokk", "assistent", "rørlegger"),
}
TITLES = (
    "kiropraktor",
    "lege",
    "fastlege",
    "spesialist i allmennmedisin",
    "manuellterapeut",
    "fysioterapeut",
    "overlege",
    "LIS-lege",
    "turnuslege",
)


class Scene:
    """Lazily drawn facts of one document (the patient, the clinician, dates...)."""

    def __init__(self, rng: random.Random, split: str) -> None:
        self.rng = rng
        self.split = split
        self._cache: dict[str, object] = {}

    def once(self, key: str, make: Callable[[], object]) -> object:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def patient(self) -> people.Person:
        return self.once("patient", lambda: people.person(self.rng, self.split))  # type: ignore[return-value]

    @property
    def clinician(self) -> people.Person:
        return self.once("clinician", lambda: people.person(self.rng, self.split))  # type: ignore[return-value]

    @property
    def born(self) -> dt.date:
        return self.once(
            "born", lambda: identifiers.date_between(self.rng, dt.date(1935, 1, 1), dt.date(2012, 12, 31))
        )  # type: ignore[return-value]

    @property
    def age(self) -> int:
        b = self.born
        return TODAY.year - b.year - ((TODAY.month, TODAY.day) < (b.month, b.day))

    @property
    def fnr_digits(self) -> str:
        """The patient's number: mostly a fødselsnummer, else a D-number (12 %), H-number (3 %) or
        FH-number (2 %)."""

        def make() -> str:
            r = self.rng.random()
            if r < 0.02:
                return identifiers.fh_digits(self.rng)
            return identifiers.fnr_digits(self.rng, self.born, d_number=r > 0.88, h_number=0.02 <= r < 0.05)

        return self.once("fnr", make)  # type: ignore[return-value]

    @property
    def phone_digits(self) -> str:
        return self.once("phone", lambda: identifiers.phone_digits(self.rng))  # type: ignore[return-value]

    @property
    def clinic(self) -> str:
        return self.once("clinic", lambda: places.clinic(self.rng, self.split))  # type: ignore[return-value]

    @property
    def visit(self) -> dt.date:
        return self.once("visit", lambda: identifiers.date_between(self.rng, dt.date(2023, 1, 1), TODAY))  # type: ignore[return-value]

    def relative(self) -> tuple[str, people.Person]:
        female = chance(self.rng, 0.55)
        return pick(self.rng, RELATIONS[(self.split, female)]), people.person(self.rng, self.split, female)

    def complaint(self) -> tuple[str, str]:
        return self.once("complaint", lambda: clinical.complaint(self.rng))  # type: ignore[return-value]


def _rel(s: Scene) -> Frags:
    word, p = s.relative()
    name = p.first if chance(s.rng, 0.7) else p.full
    return [plain(word + " "), phi(name, "PERSON")]


def _capitalised(frags: Frags) -> Frags:
    first = frags[0]
    return [Frag(first.text[:1].upper() + first.text[1:], first.label, first.kind), *frags[1:]]


def _journal_date(s: Scene) -> Frag:
    # Successive entries of one journal move forward in time.
    d = s.once("jdate", lambda: s.visit - dt.timedelta(days=s.rng.randint(60, 400)))
    assert isinstance(d, dt.date)
    s._cache["jdate"] = d + dt.timedelta(days=s.rng.randint(3, 45))
    return phi(identifiers.date_text(s.rng, d), "DATE")


def _titled(s: Scene) -> Frags:
    titles = ("fru ", "Fru ", "pasienten ") if s.patient.female else ("hr. ", "herr ", "Hr. ", "pasienten ")
    return [plain(pick(s.rng, titles)), phi(s.patient.last, "PERSON")]


def _age(s: Scene) -> Frags:
    span, tail = identifiers.age_text(s.rng, s.age)
    return [phi(span, "AGE"), plain(tail)]


def _date(s: Scene) -> Frag:
    d = identifiers.date_between(s.rng, s.visit - dt.timedelta(days=400), s.visit + dt.timedelta(days=60))
    return phi(identifiers.date_text(s.rng, d), "DATE")


def _address(s: Scene) -> Frag:
    return phi(places.street(s.rng, s.split), "ADDRESS")


SLOTS: dict[str, Callable[[Scene], Frag | Frags]] = {
    "patient": lambda s: phi(s.patient.full, "PERSON"),
    "pname": lambda s: phi(people.mentions(s.rng, s.patient), "PERSON"),
    "pposs": lambda s: phi(people.possessive(s.rng, s.patient), "PERSON"),
    "ptitled": _titled,
    "pfirst": lambda s: phi(s.patient.first, "PERSON"),
    "plast": lambda s: phi(s.patient.last, "PERSON"),
    "clin": lambda s: phi(s.clinician.full, "PERSON"),
    "clinlast": lambda s: phi(s.clinician.last, "PERSON"),
    "person": lambda s: phi(people.person(s.rng, s.split).full, "PERSON"),
    "personlast": lambda s: phi(people.surname(s.rng, s.split), "PERSON"),
    "rel": _rel,
    "Rel": lambda s: _capitalised(_rel(s)),
    "dur": lambda s: clinical.bare_duration(s.rng),
    "title": lambda s: plain(pick(s.rng, TITLES)),
    "job": lambda s: plain(pick(s.rng, JOBS[s.split])),
    "club": lambda s: phi(places.club(s.rng, s.split), "ORG"),
    "wordname": lambda s: clinical.name_word_sentence(s.rng, s.split),
    "age": _age,
    "agenum": lambda s: phi(str(s.age), "AGE"),
    "dob": lambda s: phi(identifiers.date_text(s.rng, s.born, with_year=True), "DATE"),
    "fnr": lambda s: phi(identifiers.fnr(s.rng, s.born, s.fnr_digits), "FNR"),
    "phone": lambda s: phi(identifiers.phone(s.rng, num=s.phone_digits), "PHONE"),
    "landline": lambda s: phi(identifiers.phone(s.rng, mobile=False), "PHONE"),
    "email": lambda s: phi(s.once("email", lambda: identifiers.email(  # type: ignore[arg-type]
        s.rng, s.patient.first.split()[0], s.patient.last)), "EMAIL"),
    "url": lambda s: phi(
        pick(s.rng, ("www.", "https://www.", "http://", "")) + places.clinic_domain(s.clinic), "URL"
    ),
    "address": _address,
    "post": lambda s: phi(places.postplace(s.rng, s.split), "LOCATION"),
    "town": lambda s: phi(places.town(s.rng, s.split), "LOCATION"),
    "clinic": lambda s: phi(s.clinic, "ORG"),
    "otherclinic": lambda s: phi(places.clinic(s.rng, s.split), "ORG"),
    "hospital": lambda s: phi(places.hospital(s.rng, s.split), "ORG"),
    "employer": lambda s: phi(places.employer(s.rng, s.split), "ORG"),
    "school": lambda s: phi(places.school(s.rng, s.split), "ORG"),
    "date": _date,
    "jdate": _journal_date,
    "visit": lambda s: phi(identifiers.date_text(s.rng, s.visit), "DATE"),
    "hpr": lambda s: phi(identifiers.hpr(s.rng), "ID"),
    "jnr": lambda s: phi(identifiers.journal_no(s.rng), "ID"),
    "account": lambda s: phi(identifiers.account_no(s.rng), "ID"),
    "complaint": lambda s: plain(s.complaint()[0]),
    "region": lambda s: plain(pick(s.rng, clinical.REGIONS)),
    "finding": lambda s: plain(clinical.fill(s.rng, pick(s.rng, clinical.FINDINGS))),
    "treatment": lambda s: plain(clinical.fill(s.rng, pick(s.rng, clinical.TREATMENTS))),
    "cause": lambda s: plain(pick(s.rng, clinical.CAUSES)),
}


def _negative(make: Callable[[random.Random], Frag]) -> Callable[[Scene], Frag]:
    return lambda s: make(s.rng)


SLOTS.update({kind: _negative(make) for kind, make in clinical.NEGATIVES.items()})
_ROLE = ("post@", "kontakt@", "resepsjon@")


def _clinemail(s: Scene) -> Frag:
    role = pick(s.rng, (*_ROLE, ""))
    if role:
        return phi(role + places.clinic_domain(s.clinic), "EMAIL")
    return phi(
        identifiers.email(
            s.rng, s.clinician.first.split()[0], s.clinician.last, places.clinic_domain(s.clinic)
        ),
        "EMAIL",
    )


SLOTS["clinemail"] = _clinemail
_HOLE = re.compile(r"\{(\w+)\}")
_CHOICE = re.compile(r"⟨([^⟨⟩]*)⟩")


class Choice(NamedTuple):
    """``⟨a|b|c⟩`` in a template: one of the alternatives, drawn at each expansion (``⟨|x⟩``: optional)."""

    options: tuple[tuple[Part, ...], ...]


Part = Frag | Callable[[Scene], Frag | Frags] | Choice


def _flat(template: str, text: str) -> list[Part]:
    parts: list[Part] = []
    for i, piece in enumerate(_HOLE.split(text)):
        if i % 2:
            if piece not in SLOTS:
                raise KeyError(f"unknown template slot {{{piece}}} in {template!r}")
            parts.append(SLOTS[piece])
        elif piece:
            parts.append(plain(piece))
    return parts


@cache
def compile_template(template: str) -> tuple[Part, ...]:
    """Split a template once into literal fragments, slot fillers and choices; unknown slots fail loudly."""
    parts: list[Part] = []
    for i, piece in enumerate(_CHOICE.split(template)):
        if i % 2:
            parts.append(Choice(tuple(tuple(_flat(template, alt)) for alt in piece.split("|"))))
        else:
            parts.extend(_flat(template, piece))
    return tuple(parts)


def _expand_parts(scene: Scene, parts: tuple[Part, ...], out: Frags) -> None:
    for part in parts:
        if isinstance(part, Frag):
            out.append(part)
        elif isinstance(part, Choice):
            _expand_parts(scene, pick(scene.rng, part.options), out)
        else:
            got = part(scene)
            if isinstance(got, Frag):
                out.append(got)
            else:
                out.extend(got)


def expand(scene: Scene, template: str) -> Frags:
    out: Frags = []
    _expand_parts(scene, compile_template(template), out)
    return out
