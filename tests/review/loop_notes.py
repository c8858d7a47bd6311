"""Synthetic notes with a known blind spot: an employer named after "i firmaet", which the engine
does not know, and a repeated false positive ("Hvite Boka", an exercise booklet read as a name)."""

from __future__ import annotations

EMPLOYERS = ("Fjordlaks", "Bergfisk", "Havbris", "Nordglim", "Skogheim", "Vestbris", "Solvik",
             "Granfoss", "Elvetun", "Lynghaug", "Fjellro", "Havgløtt",
             # notes 12-23 (the unseen half of the end-to-end test) name employers of their own
             "Tindeverk", "Storlia", "Myrvang", "Kystlys", "Breidablikk", "Furulund", "Sjøglimt",
             "Bakkely", "Heiane", "Åsmyra", "Lindvik", "Grønnli")
NAMES = ("Kari Hansen", "Ola Nordmann", "Ingrid Berg", "Per Olsen", "Anne Johansen", "Lars Larsen",
         "Silje Andersen", "Jonas Pedersen", "Marte Nilsen", "Erik Kristiansen", "Nina Jensen",
         "Tor Karlsen")
TEMPLATES = (
    "{name} er sjåfør i firmaet {emp} og har hatt ryggsmerter i tre uker. Fortsetter med Hvite Boka hjemme.",
    "Lagerarbeider i firmaet {emp}. {name} ringte om sykmelding og knesmerter.",
    "Pasienten jobber som montør i firmaet {emp}. Kontroll med {name} om to uker.",
)


def note(i: int) -> tuple[str, list[tuple[int, int, str]]]:
    """The i-th note and its gold spans (start, end, label)."""
    name, emp = NAMES[i % len(NAMES)], EMPLOYERS[i % len(EMPLOYERS)]
    text = TEMPLATES[i % len(TEMPLATES)].format(name=name, emp=emp)
    gold = [(text.index(name), text.index(name) + len(name), "PERSON"),
            (text.index(emp), text.index(emp) + len(emp), "ORG")]
    return text, sorted(gold)
