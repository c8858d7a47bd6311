"""A small generator of Norwegian clinical notes with gold PHI spans, for the deid benchmark.

Independent of ``tilbake.tooling.synth`` on purpose: the benchmark must run on its own, and a second,
differently written generator keeps the rule recognizers honest. Deterministic by seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

FIRST = ["Kari", "Ola", "Ingrid", "Per", "Siri", "Mohammed", "Anne-Lise", "Bjørn", "Fatima", "Jonas",
         "Marte", "Thomas", "Eirik", "Nora", "Hanne", "Lars", "Sofie", "Aleksander", "Ahmed", "Liv"]
LAST = ["Nordmann", "Hansen", "Johansen", "Olsen", "Berg", "Haugen", "Khan", "Bakken", "Lunde",
        "Solberg", "Nilsen", "Kristiansen", "Ali", "Strand", "Dahl", "Moen", "Eriksen", "Larsen"]
STREETS = ["Storgata", "Bogstadveien", "Kirkeveien", "Skolevegen", "Dronning Eufemias gate",
           "Thereses gate", "Eikelundveien", "Solbakken", "Fjellstien", "Olav Kyrres gate"]
POST = [("0150", "Oslo"), ("5003", "Bergen"), ("7010", "Trondheim"), ("9008", "Tromsø"), ("4006",
        "Stavanger"),
        ("2315", "Hamar"), ("1338", "Sandvika"), ("3015", "Drammen")]
TOWNS = ["Bærum", "Asker", "Lillestrøm", "Moss", "Gjøvik", "Bodø", "Molde", "Kristiansand", "Ålesund"]
CLINICS = ["Majorstua legesenter", "Sentrum Kiropraktorklinikk", "Lade legekontor", "Nydalen fysioterapi"]
HOSPITALS = ["Ahus", "Rikshospitalet", "Haukeland", "St. Olavs hospital", "Ullevål", "SUS"]
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember"]
PROSE = [
    "Pasienten beskriver gradvis økende smerter gjennom de siste ukene, verst om morgenen.",
    "Smertene forverres ved langvarig sitting og bedres noe ved gange.",
    "Ingen nattlige smerter, ingen vekttap, ingen feber.",
    "Normal blære- og tarmfunksjon, ingen ridebukseanestesi.",
    "Tidligere frisk, bruker ingen faste medisiner.",
    "Jobber i kontorstilling og sitter mye foran skjerm.",
    "Trener styrke to ganger i uka, har sluttet å løpe på grunn av plagene.",
    "Ved inspeksjon ses lett antalgisk holdning med skift mot høyre.",
    "Palpasjonsøm paravertebral muskulatur lumbalt bilateralt, mest venstre side.",
    "Aktiv fleksjon gir smerte ved ca halv bevegelse, ekstensjon er smertefri.",
    "Nevrologisk undersøkelse viser normal kraft, sensibilitet og reflekser i underekstremitetene.",
    "Hoftene har full og smertefri bevegelighet.",
    "Vurderes som uspesifikke korsryggsmerter uten tegn til alvorlig patologi.",
    "Informert om god prognose og viktigheten av å holde seg i aktivitet.",
    "Behandlet med bløtvevsteknikker og mobilisering, godt tolerert.",
    "Gitt øvelser for hjemmebruk, skal gjøre disse daglig.",
    "Avtalt kontroll om to uker, ta kontakt tidligere ved forverring.",
    "Ved manglende bedring vurderes henvisning til bildediagnostikk.",
    "Hun opplever at hodepinen er tett knyttet til nakkeplagene.",
    "Han har hatt lignende episoder tidligere som har gått over av seg selv.",
    "Sover dårlig på grunn av smertene og er sliten på dagtid.",
    "Det er ikke behov for sykmelding nå, men dette vurderes fortløpende.",
]
NEGATIVES = [
    ("Lasègues test positiv ved 40 grader.", "eponym"), ("Spurlings test negativ.", "eponym"),
    ("Prolaps L4-L5 med affeksjon av L5-rot.", "vertebra"), ("Stivhet C5/C6.", "vertebra"),
    ("ICPC-2 L03, ICD-10 M54.5.", "code"), ("Ibux 400 mg x 3 og Paracet 1 g ved behov.", "drug"),
    ("VAS 7/10 i hvile, 4/10 etter behandling.", "score"), ("ODI 18/50.", "score"),
    ("BT 130/85, puls 72.", "blood pressure"), ("ROM fleksjon 50 60 70 70 grader.", "rom"),
    ("Bedring ca 30 % siden sist.", "percent"), ("Egenandel 375 kr.", "money"),
    ("Søknad til NAV og HELFO sendt.", "agency"), ("Kom kl 14.30, gikk 15.10.", "time"),
    ("Skadet i 2019.", "year"), ("Kontroll uke 12.", "week"), ("Smerter i 3 år.", "duration"),
    ("Varenr 41234567 bestilt.", "article number"),
]


def _fnr(rng: random.Random) -> str:
    w1, w2 = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99)
        base = f"{day:02d}{month:02d}{year:02d}{rng.randint(0, 999):03d}"
        d = [int(c) for c in base]
        k1 = (11 - sum(a * b for a, b in zip(w1, d, strict=True)) % 11) % 11
        k2 = (11 - sum(a * b for a, b in zip(w2, [*d, k1], strict=True)) % 11) % 11
        if k1 < 10 and k2 < 10:
            return base + f"{k1}{k2}"


def _phone(rng: random.Random) -> str:
    digits = rng.choice("49") + "".join(rng.choice("0123456789") for _ in range(7))
    layout = rng.choice(["{0}{1}{2} {3}{4} {5}{6}{7}", "{0}{1} {2}{3} {4}{5} {6}{7}",
             "{0}{1}{2}{3}{4}{5}{6}{7}",
                         "+47 {0}{1}{2} {3}{4} {5}{6}{7}"])
    return layout.format(*digits)


def _date(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2026)
    return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y % 100:02d}", f"{d}. {MONTHS[m - 1]} {y}",
                       f"{y}-{m:02d}-{d:02d}", f"{d}/{m}-{y % 100:02d}"])


class _Note:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[dict[str, object]] = []
        self.negatives: list[dict[str, object]] = []
        self.size = 0

    def add(self, text: str, label: str | None = None, kind: str | None = None) -> None:
        if label:
            self.spans.append({"start": self.size, "end": self.size + len(text), "label": label})
        if kind:
            self.negatives.append({"start": self.size, "end": self.size + len(text), "kind": kind})
        self.parts.append(text)
        self.size += len(text)


def note(rng: random.Random, i: int) -> dict[str, object]:
    n = _Note()
    first, last = rng.choice(FIRST), rng.choice(LAST)
    code, place = rng.choice(POST)
    n.add("Pasient: ")
    n.add(f"{first} {last}", "PERSON")
    n.add(", fnr ")
    n.add(_fnr(rng), "FNR")
    n.add("\nAdresse: ")
    n.add(f"{rng.choice(STREETS)} {rng.randint(1, 120)}{rng.choice(['', '', 'B'])}", "ADDRESS")
    n.add(", ")
    n.add(f"{code} {place}", "LOCATION")
    n.add(". Tlf ")
    n.add(_phone(rng), "PHONE")
    n.add("\nKonsultasjon ")
    n.add(_date(rng), "DATE")
    n.add(". ")
    age = rng.randint(18, 95)
    n.add(rng.choice([f"{age} år gammel", f"{age}-årig", f"{age} år"]), "AGE")
    n.add(rng.choice([" kvinne", " mann"]) + " som bor i ")
    n.add(rng.choice(TOWNS), "LOCATION")
    n.add(". Henvist fra ")
    n.add(rng.choice(CLINICS), "ORG")
    n.add(" ved fastlege ")
    n.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}", "PERSON")
    n.add(".\nS: Smerter i korsrygg med utstråling til venstre ben. ")
    body = [(p, None) for p in rng.sample(PROSE, rng.randint(6, 12))] + rng.sample(NEGATIVES, 5)
    rng.shuffle(body)
    for sentence, kind in body:
        n.add(sentence, kind=kind)
        n.add(" ")
    n.add("\nO: Nedsatt bevegelighet. Tidligere utredet ved ")
    n.add(rng.choice(HOSPITALS), "ORG")
    n.add(". Kontakt på e-post ")
    n.add(f"{first.lower()}.{last.lower()}@example.no", "EMAIL")
    n.add(".\nP: Ny time ")
    n.add(_date(rng), "DATE")
    n.add(f". {first} informert.\nMvh\n")
    n.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}", "PERSON")
    n.add(", kiropraktor")
    spans = n.spans
    # the propagated mention of the first name in "P:" is PHI too
    text = "".join(n.parts)
    mention = text.rfind(f". {first} informert") + 2
    spans.append({"start": mention, "end": mention + len(first), "label": "PERSON"})
    return {"id": f"bench-{i}", "text": text, "spans": sorted(spans, key=lambda s: s["start"]),
            "negatives": n.negatives}


def notes(n: int, seed: int = 7) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    for i in range(n):
        yield note(rng, i)
