"""Person names found by rules: header fields ("Pasient: Kari Nordmann"), titles and roles ("fastlege
Hansen", "datteren Kari"), "NORDMANN, Kari", signatures ("Mvh\\nKari Nordmann"), initials
("K. Nordmann") and the SSB first-name and surname gazetteers.

Rare names, lower-case names and names with no context are the NER model's job; the engine also
propagates every name found here to its later mentions in the same document.
"""

from __future__ import annotations

from dataclasses import dataclass

from tilbake.deid import lang_nb
from tilbake.deid.lang_nb import words
from tilbake.deid.recognizers.base import Finding, Recognizer, Scan, finding
from tilbake.deid.spans import Label

FAMILY = "names"
_PARTICLES = frozenset({"von", "van", "de", "der", "af", "da", "di", "la", "le", "bin", "ibn", "al"})
_TITLES = frozenset(words.PERSON_TITLES)
_NEVER = frozenset(words.EPONYMS) | frozenset(words.DRUG_BRANDS) | frozenset(words.AGENCIES)
_NON_NAME = frozenset(words.NON_NAME_CAPWORDS)
_FIELDS = frozenset(words.PERSON_FIELDS)
_ORG_FIELDS = frozenset(words.ORG_FIELDS)
_CLINIC = tuple(w for w in words.CLINIC_WORDS if len(w) > 3)


@dataclass(slots=True)
class Sequence:
    """Adjacent capitalised words (with initials, particles and "ETTERNAVN, Fornavn" joined)."""

    tokens: list[tuple[int, int, str]]
    comma_form: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0][0]

    @property
    def end(self) -> int:
        return self.tokens[-1][1]


def sequences(scan: Scan) -> list[Sequence]:
    """Group the text's capitalised words into runs that could be one name."""
    text, out = scan.text, []
    current: Sequence | None = None
    for tok in scan.capwords:
        if current is not None:
            gap = text[current.end:tok[0]]
            last = current.tokens[-1][2]
            joined = gap == " " or gap == "-" or (len(last) == 1 and gap in (". ", "."))
            if not joined and " " in gap and gap.strip() in _PARTICLES and len(gap) < 6:
                joined = True
            if not joined and gap == ", " and len(current.tokens) == 1 and last.isupper() and len(last) > 1:
                current.comma_form = joined = True
            if joined and len(current.tokens) < 5:
                current.tokens.append(tok)
                continue
            out.append(current)
        current = Sequence([tok])
    if current is not None:
        out.append(current)
    return out


def field_before(scan: Scan, pos: int) -> str:
    """The header field ("pasient", "henvisende lege") when ``pos`` starts the value of "Field: value"."""
    lower = scan.lower
    line_start = lower.rfind("\n", 0, pos) + 1
    prefix = lower[max(line_start, pos - 40):pos].rstrip()
    if not prefix.endswith(":"):
        return ""
    head = prefix[:-1].rstrip()
    for sep in ("|", ";", ". ", "  ", "\t"):
        head = head.rsplit(sep, 1)[-1]
    return head.strip(" -•*.")


def _name_like(w: str) -> bool:
    return (w in lang_nb.first_names() or w in lang_nb.surnames()) and w not in words.NAME_STOPWORDS


class NameRecognizer(Recognizer):
    name = FAMILY
    labels = (Label.PERSON,)

    def find(self, scan: Scan) -> list[Finding]:
        out: list[Finding] = []
        for seq in sequences(scan):
            toks = list(seq.tokens)
            title = ""
            while toks and not seq.comma_form and (toks[0][2] in _NON_NAME or toks[0][2].lower() in _TITLES):
                if toks[0][2].lower() in _TITLES:
                    title = toks[0][2].lower()
                toks.pop(0)
            while toks and toks[-1][2] in _NON_NAME:
                toks.pop()
            if not toks or any(t[2] in _NEVER for t in toks):
                continue
            if any(t[2].lower().endswith(_CLINIC) for t in toks):
                continue  # "Majorstua Legesenter" is an organisation
            hit = self._judge(scan, seq, toks, title)
            if hit is not None:
                out.append(hit)
        return out

    def _judge(self, scan: Scan, seq: Sequence, toks: list[tuple[int, int, str]], title: str) -> Finding | None:
        start, end = toks[0][0], toks[-1][1]
        names = [t[2] for t in toks]
        field = field_before(scan, start)
        if field in _FIELDS:
            return finding(start, end, Label.PERSON, 0.95, FAMILY, "header field", cues=(field,))
        if field in _ORG_FIELDS:
            return None
        title = title or scan.word_before(start)
        first_known = _name_like(names[0]) and names[0] in lang_nb.first_names()
        any_known = any(_name_like(n) for n in names)
        if title in _TITLES and title not in words.WEAK_TITLES and (any_known or names[0] not in _NON_NAME):
            if len(names) == 1 and names[0].isupper() and len(names[0]) <= 4:
                return None  # "dr. MR" / acronyms
            return finding(start, end, Label.PERSON, 0.9, FAMILY, "title/role + name", cues=(title,))
        if seq.comma_form and (any_known or len(names) == 2):
            return finding(start, end, Label.PERSON, 0.9, FAMILY, "ETTERNAVN, Fornavn")
        if len(names) == 2 and len(names[0]) == 1 and len(names[1]) > 2:
            return finding(start, end, Label.PERSON, 0.8 if _name_like(names[1]) else 0.7, FAMILY,
                           "initial + surname")
        if len(names) >= 2 and first_known and all(n not in _NON_NAME for n in names[1:]):
            return finding(start, end, Label.PERSON, 0.85, FAMILY, "first name + name (gazetteer)")
        if len(names) >= 2 and all(_name_like(n) or len(n) == 1 for n in names):
            return finding(start, end, Label.PERSON, 0.75, FAMILY, "name words (gazetteer)")
        if title in words.WEAK_TITLES and any_known and title not in ("og", "med"):
            return finding(start, end, Label.PERSON, 0.7, FAMILY, "weak cue + gazetteer name", cues=(title,))
        if len(names) == 1 and first_known and _mid_sentence(scan.text, start):
            return finding(start, end, Label.PERSON, 0.6, FAMILY, "first name (gazetteer)")
        return None


def _mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] not in ".!?:\n•-*\"(" and text[i].isalpha()
