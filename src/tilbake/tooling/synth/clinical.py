"""Clinical vocabulary (chiropractic and general practice, bokmål) and hard negatives.

Hard negatives look like PHI to a careless detector (numbers, capitalised words, codes) but are not
PHI by DESIGN §2; each generator returns a fragment tagged with its kind.
"""

from __future__ import annotations

import random

from tilbake.tooling.synth.rand import chance, pick
from tilbake.tooling.synth.text import Frag, neg

COMPLAINTS = (
    ("korsryggsmerter", "L03"),
    ("nakkesmerter", "L01"),
    ("hodepine", "N02"),
    ("skuldersmerter", "L08"),
    ("isjias", "L86"),
    ("lumbago", "L03"),
    ("brystryggsmerter", "L02"),
    ("svimmelhet", "N17"),
    ("knesmerter", "L15"),
    ("hoftesmerter", "L13"),
    ("kjevesmerter", "L07"),
    ("tennisalbue", "L93"),
    ("utstrålende smerter i venstre ben", "L86"),
    ("stiv nakke", "L01"),
    ("smerter mellom skulderbladene", "L02"),
    ("hoste og feber", "R05"),
    ("slapphet", "A04"),
    ("søvnvansker", "P06"),
    ("halsbetennelse", "R74"),
    ("magesmerter", "D01"),
    ("brystsmerter", "K01"),
    ("tung pust", "R02"),
    ("angst", "P01"),
)
ICD10 = (
    "M54.5",
    "M54.2",
    "M54.4",
    "M51.1",
    "M53.1",
    "M75.1",
    "M77.1",
    "G44.2",
    "M79.1",
    "M47.8",
    "J06.9",
    "R51",
    "F41.1",
    "M54.6",
    "S13.4",
    "M99.0",
)
ICPC2 = (
    "L03",
    "L86",
    "L01",
    "L02",
    "L08",
    "L84",
    "L83",
    "N02",
    "L18",
    "L92",
    "L93",
    "R74",
    "P06",
    "A04",
    "K86",
)
REGIONS = (
    "korsryggen",
    "nakken",
    "thorakalcolumna",
    "lumbalcolumna",
    "høyre skulder",
    "venstre skulder",
    "bekkenet",
    "IS-leddet",
    "cervikalcolumna",
    "høyre hofte",
    "venstre kne",
    "kjeven",
)
FINDINGS = (
    "palpasjonsøm paravertebralt",
    "nedsatt bevegelighet i {region}",
    "muskulær hypertonus i {region}",
    "normal gange",
    "ingen nevrologiske utfall",
    "normale reflekser",
    "nedsatt kraft i dorsalfleksjon",
    "triggerpunkter i trapezius",
    "segmentell dysfunksjon",
    "smertefull ekstensjon",
    "lett redusert sensibilitet",
    "ømhet over {region}",
    "fasettleddsirritasjon",
    "god allmenntilstand",
    "afebril",
)
TREATMENTS = (
    "manipulasjon av {region}",
    "bløtvevsbehandling",
    "tøyningsøvelser",
    "hjemmeøvelser",
    "varmebehandling",
    "trykkbølgebehandling",
    "akupunktur",
    "mobilisering av {region}",
    "ergonomisk veiledning",
    "kinesiotaping",
    "styrketrening for dyp core",
    "sykmelding i to uker",
    "henvisning til fysioterapeut",
)
CAUSES = (
    "etter løft på jobb",
    "etter et fall på isen",
    "etter hagearbeid",
    "uten kjent årsak",
    "etter en lang kjøretur",
    "etter trening",
    "etter flytting",
    "etter en bilulykke",
)

EPONYMS = (
    "Lasègues test",
    "Lasègue",
    "Spurlings test",
    "Patricks test",
    "FABER-test",
    "Kemps test",
    "Slump test",
    "Adsons test",
    "Hawkins-Kennedy",
    "Neers test",
    "Romberg",
    "Babinski",
    "Trendelenburgs tegn",
    "Schobers test",
    "Phalens test",
    "Tinels tegn",
    "Jobes test",
    "Lhermittes tegn",
)
DRUGS = (
    "Ibux",
    "Paracet",
    "Pinex",
    "Voltaren",
    "Naproxen",
    "Sobril",
    "Albyl-E",
    "Tramadol",
    "Nobligan",
    "Celebra",
    "Arcoxia",
    "Imovane",
    "Sertralin",
    "Atacand",
    "Cozaar",
    "Lyrica",
    "Neurontin",
    "Zaldiar",
)
AGENCIES = (
    "NAV",
    "HELFO",
    "Helsenorge",
    "Helsedirektoratet",
    "Folkehelseinstituttet",
    "Legemiddelverket",
    "Arbeidstilsynet",
    "Helsetilsynet",
)
VERTEBRA = (
    "L4-L5",
    "L5-S1",
    "L3-L4",
    "C5/C6",
    "C6-C7",
    "C5-C6",
    "Th4",
    "T6",
    "C2",
    "L5/S1",
    "L4",
    "Th7-Th8",
    "C4-C5",
    "S1",
)


def vertebra(rng: random.Random) -> Frag:
    return neg(pick(rng, VERTEBRA), "vertebra")


def icpc(rng: random.Random) -> Frag:
    return neg(pick(rng, ICPC2), "icpc")


def icd(rng: random.Random) -> Frag:
    return neg(pick(rng, ICD10), "icd")


def eponym(rng: random.Random) -> Frag:
    return neg(pick(rng, EPONYMS), "eponym")


def drug_dose(rng: random.Random) -> Frag:
    dose = pick(
        rng, ("400 mg", "200 mg", "500 mg", "1 g", "10 mg", "50 mg", "25mg", "75 mg", "600mg", "5 mg")
    )
    tail = pick(rng, ("", "", " x 3", " x3", " 1x2", " morgen og kveld"))
    return neg(f"{pick(rng, DRUGS)} {dose}{tail}", "drug_dose")


def score(rng: random.Random) -> Frag:
    v = rng.randint(1, 10)
    return neg(
        pick(
            rng,
            (
                f"VAS {v}/10",
                f"NRS {v}",
                f"VAS {v}",
                f"{v}/10",
                f"ODI {rng.randint(8, 60)} %",
                f"NDI {rng.randint(5, 40)}",
            ),
        ),
        "score",
    )


def blood_pressure(rng: random.Random) -> Frag:
    return neg(f"{rng.randint(105, 175)}/{rng.randint(60, 105)}", "blood_pressure")


def rom(rng: random.Random) -> Frag:
    d = rng.randrange(10, 180, 5)
    return neg(pick(rng, (f"{d} grader", f"{d}°", f"{d} gr")), "rom")


def percent(rng: random.Random) -> Frag:
    v = rng.randint(5, 95)
    return neg(pick(rng, (f"{v} %", f"{v}%", f"{v} prosent")), "percent")


def money(rng: random.Random) -> Frag:
    v = rng.choice((350, 490, 560, 620, 750, 890, 1200, 2450))
    return neg(pick(rng, (f"{v} kr", f"kr {v},-", f"{v},- kr", f"NOK {v}")), "money")


def agency(rng: random.Random) -> Frag:
    return neg(pick(rng, AGENCIES), "agency")


def time_of_day(rng: random.Random) -> Frag:
    h, m = rng.randint(7, 20), pick(rng, ("00", "15", "30", "45", "10", "20"))
    return neg(pick(rng, (f"kl. {h}.{m}", f"kl {h}:{m}", f"kl. {h}", f"{h}:{m}")), "time")


def week(rng: random.Random) -> Frag:
    return neg(pick(rng, ("uke ", "uke ", "Uke ", "u. ")) + str(rng.randint(1, 52)), "week")


def year(rng: random.Random) -> Frag:
    return neg(str(rng.randint(1995, 2025)), "year")


def duration(rng: random.Random) -> Frag:
    n = rng.randint(2, 14)
    unit = pick(rng, ("år", "uker", "dager", "måneder", "mnd"))
    return neg(pick(rng, (f"i {n} {unit}", f"{n} {unit}", f"de siste {n} {unit}")), "duration")


def bare_duration(rng: random.Random) -> Frag:
    """A duration for after a preposition ("i {dur}", "om {dur}"): "3 uker", "12 mnd"."""
    n = rng.randint(2, 14)
    return neg(f"{n} {pick(rng, ('år', 'uker', 'dager', 'måneder', 'mnd'))}", "duration")


NEGATIVES = {
    "vertebra": vertebra,
    "icpc": icpc,
    "icd": icd,
    "eponym": eponym,
    "drug_dose": drug_dose,
    "score": score,
    "blood_pressure": blood_pressure,
    "rom": rom,
    "percent": percent,
    "money": money,
    "agency": agency,
    "time": time_of_day,
    "week": week,
    "year": year,
    "duration": duration,
}


def fill(rng: random.Random, phrase: str) -> str:
    return phrase.replace("{region}", pick(rng, REGIONS)) if "{" in phrase else phrase


def complaint(rng: random.Random) -> tuple[str, str]:
    text, code = pick(rng, COMPLAINTS)
    return text, code


def diagnosis_codes(rng: random.Random, icpc_code: str) -> list[str]:
    codes = [icpc_code]
    if chance(rng, 0.5):
        codes.append(pick(rng, ICD10))
    if chance(rng, 0.15):
        codes.append(pick(rng, ICPC2))
    return list(dict.fromkeys(codes))


# Sentences whose common word is also a name of the same split (Rosa, Stein, Bakke... / Dag, Sol,
# Bjørk, Hagen...): a detector that flags these words has learnt a list, not the context.
NAME_WORD_PHRASES = {
    "train": (("Lett ", "rosa", " utslett på armen."), ("Har hatt ", "stein", " i galleblæren."),
              ("Gikk opp en bratt ", "bakke", " og kjente det smalt."),
              ("Har en ", "haug", " med papirarbeid."),
              ("Gikk barbeint i ", "sand", " hele ferien."), ("Badet under en ", "foss", " i sommer."),
              ("Var på ", "fjell", " i helgen."), ("", "Rosa", " hudfarge, varm og tørr.")),
    "heldout": (("Går tur hver ", "dag", "."), ("Mye ", "sol", " i helgen, ble forbrent."),
                ("Allergi mot ", "bjørk", " og gress."), ("Falt på ", "bakken", " utenfor butikken."),
                ("Jobbet i ", "hagen", " hele lørdagen."), ("Verre i ", "vår", " enn i fjor."),
                ("Ble tatt av ", "storm", " på sjøen."), ("", "Dag", " to etter skaden var det verst.")),
}


NEGATIVE_KINDS = (*NEGATIVES, "name_word")


def name_word_sentence(rng: random.Random, split: str) -> list[Frag]:
    before, word, after = pick(rng, NAME_WORD_PHRASES[split])
    out = [neg(word, "name_word"), Frag(after)]
    return [Frag(before), *out] if before else out
