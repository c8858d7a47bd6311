"""Person names found by rules: header fields ("Pasient: Kari Nordmann"), titles and roles ("fastlege
Hansen", "datteren Kari"), "NORDMANN, Kari", signatures ("Mvh\\nKari Nordmann"), initials
("K. Nordmann") and the SSB first-name and surname gazetteers.

Rare names, lower-case names and names with no context are the NER model's job; the engine also
propagates every name found here to its later mentions in the same document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from tilbake.deid import lang_nb
from tilbake.deid.detect.name_words import zipf
from tilbake.deid.detect.recognizers.base import Finding, Needles, Recognizer, Scan, finding
from tilbake.deid.detect.recognizers.name_context import (
    LOWER_GENITIVE,
    NEVER,
    NON_NAME,
    TITLES,
    anchored,
    breaks_name,
    clinic_word_after,
    closing_name,
    cue_after,
    cue_before,
    duration_like,
    is_relation,
    lead_word,
    mid_sentence,
    name_like,
    name_run,
    never_in_name,
    not_a_name,
    place_after_preposition,
    proper_name_shape,
    skippable,
    title_before,
)
from tilbake.deid.lang_nb import letters, person_cues, words
from tilbake.deid.spans import Label

FAMILY = "names"
_PARTICLES = frozenset({"von", "van", "de", "der", "af", "da", "di", "la", "le", "bin", "ibn", "al", "ter",
                        "ten", "den", "del", "della", "dos", "das", "du", "el", "abu", "ben", "mac", "op"})
_FIELDS = frozenset(words.PERSON_FIELDS)
_ORG_FIELDS = frozenset(words.ORG_FIELDS)


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
            joined = gap == " " or gap == "-" or (len(last) == 1 and gap in (". ", ".") and
                                                  tok[2] not in NON_NAME and not is_relation(tok[2].lower()))
            if not joined and " " in gap and gap.strip() in _PARTICLES and len(gap) < 6:
                joined = True
            if not joined and gap == ", " and len(last) > 1:
                lead = current.tokens[0][2]
                after_header = len(current.tokens) == 2 and (lead in NON_NAME or lead.lower() in TITLES)
                one_name = len(current.tokens) == 1 or after_header
            else:
                one_name = after_header = False
            if one_name and (
                    last.isupper() or after_header or
                    (last in lang_nb.surnames() and tok[2] in lang_nb.first_names())):
                current.comma_form = joined = True  # "NORDMANN, Kari", "NAVN Hætta-Sara, Lars"
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


_LOWER_CUES = sorted({*(t for t in words.PERSON_TITLES if t not in words.WEAK_TITLES and len(t) > 1),
                      "kontroll av", "samtale med", "ringer", "ringte", "rniger", "med pasient", "kopi til",
                      "sendt melding til", "time hos", "hilsen", *person_cues.STRONG_LOWER_CUES},
                     key=len, reverse=True)
_STRONG_LOWER = frozenset(person_cues.STRONG_LOWER_CUES)
# before an age or a birth date, at the start of a line or clause: "isaias rogne (født 1972)"
_LOWER_BEFORE_AGE = re.compile(r"[ \t]*([^\W\d_][\w'\-]+(?: [^\W\d_][\w'\-]+){0,2})"
                               r"(?= ?\((?:født|f\.)|,? (?:som |somer )?(?:er )?\d{1,3}[ -]?år| komma \d)")
_LOWER_NAME = re.compile(r"[ \t\n]+([^\W\d_][\wæøå\-]+(?:[ \t]+[^\W\d_][\wæøå\-]+){0,2})")


@cache
def _lower_cue_automaton() -> Needles[int]:
    return Needles({cue: len(cue) for cue in _LOWER_CUES})
_ROLE_LINE = re.compile(r"\n(?:lege|kiropraktor|fysioterapeut|manuellterapeut|spesialist|lis|lis-lege|"
                        r"sykepleier|psykolog|turnuslege|overlege|fastlege)\b", re.IGNORECASE)
_ROLE_PAREN = re.compile(r"[ \t]*\((?:lege|kiropraktor|fysioterapeut|manuellterapeut|spesialist|lis|lis-lege|"
                         r"sykepleier|psykolog|turnuslege|overlege|fastlege)\)", re.IGNORECASE)
# what every _ROLE_PAREN match holds, led by its "(": found in C, where _ROLE_PAREN is tried at
# every character (its leading blanks are optional); few notes hold one
_ROLE_PAREN_GATE = re.compile(_ROLE_PAREN.pattern.removeprefix("[ \\t]*"), re.IGNORECASE)
# two or three capitalised words closing the note after a sentence or on a line of their own
_CLOSING = re.compile(rf"(?:[.!?][ \t]+|\n[ \t]*)({letters.CAPWORD}(?: {letters.CAPWORD}){{1,2}})[ \t]*\Z")
_NAME_LINE = re.compile(r"(?:^|\n)[ \t]*([^\W\d_][\wæøåÆØÅ'\-]+"
                        r"(?:[ \t]+(?:[^\W\d_]|\.)[\w'\-]*){1,3})[ \t]*$")
_FIELD_VALUE = re.compile(r"[ \t]*([^\W\d_][\wæøåÆØÅ.\-]*(?:[ \t]+[^\W\d_][\wæøåÆØÅ.\-]*){0,3})")


def _closing(text: str) -> re.Match[str] | None:
    """``_CLOSING.search(text)``, tried only where it can match: after its separator come name words,
    blanks and the end, none of which holds ".", "!", "?" or a line break, so the separator can only
    start at the last of those characters (one match instead of a try at each of them)."""
    last = max(text.rfind("."), text.rfind("!"), text.rfind("?"), text.rfind("\n"))
    return _CLOSING.match(text, last) if last >= 0 else None


def _gazetteer_prefix(tokens: list[str]) -> int:
    """How many of the leading lower-case tokens are known names."""
    n = 0
    for tok in tokens:
        title = tok.capitalize()
        parts = [p.capitalize() for p in tok.split("-")] if "-" in tok else [title]
        known = all(p in lang_nb.first_names() or p in lang_nb.surnames() for p in parts)  # "siv-heidi"
        if known and title not in words.NAME_STOPWORDS and title not in NON_NAME:
            n += 1
        else:
            break
    return n


class NameRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.PERSON,)

    def find(self, scan: Scan) -> list[Finding]:
        return self._capitalised(scan) + self._lower_case(scan) + self._signatures(scan)

    def _signatures(self, scan: Scan) -> list[Finding]:
        """A line of name words right above a role line ("Ask Tollefsen\nlege, HPR 9076005") or
        before a role in brackets ("serhii stang (turnuslege)"), and a closing line of two or
        three capitalised words that ends the note ("… bløtvevsbehandling. Tjøstolv Yri")."""
        out: list[Finding] = []
        text = scan.text
        for role in _ROLE_PAREN.finditer(text) if _ROLE_PAREN_GATE.search(text) else ():
            line_start = text.rfind("\n", 0, role.start()) + 1
            tokens = text[line_start:role.start()].split()
            if 1 < len(tokens) <= 4 and name_run(text, line_start, tokens, check_end=False) == len(tokens):
                begin = text.index(tokens[0], line_start)
                out.append(finding(begin, begin + len(" ".join(tokens)), Label.PERSON, 0.85, FAMILY,
                                   "name before (role)"))
        closing = _closing(text)
        if closing and closing_name(closing.group(1).split()):
            out.append(finding(closing.start(1), closing.end(1), Label.PERSON, 0.8, FAMILY, "closing name"))
        for role in _ROLE_LINE.finditer(text):
            line = _NAME_LINE.search(text, max(0, role.start() - 60), role.start())
            if line and line.end() == role.start():
                tokens = line.group(1).split()
                if any(name_like(t.capitalize()) for t in tokens) or all(
                        t[0].isupper() and t not in NON_NAME and t not in NEVER for t in tokens):
                    out.append(finding(line.start(1), line.end(1), Label.PERSON, 0.85, FAMILY,
                                       "name line above a role"))
        return out

    def _lower_case(self, scan: Scan) -> list[Finding]:
        """Messy text: "herr høiseth", "Pasientens navn: steinar norodd brekke"."""
        out: list[Finding] = []
        text = scan.text
        lower = scan.lower
        for last, length in _lower_cue_automaton().find(lower):
            first = last - length + 1
            glued_after = last + 1 < len(lower) and lower[last + 1].isalnum()
            if first > 0 and lower[first - 1].isalnum() or glued_after:
                continue  # the cue must be a word of its own
            m = _LOWER_NAME.match(text, last + 1)
            if m is None:
                continue
            start, tokens = m.start(1), m.group(1).split()
            while tokens and skippable(tokens[0]):  # "kopi til fastlege magnhild jørgensen", "kona hans"
                start = text.index(tokens[1], start + len(tokens[0])) if len(tokens) > 1 else start
                tokens = tokens[1:]
            n = _gazetteer_prefix(tokens)
            cue = lower[first:last + 1]
            word_after = bool(tokens) and n == 0 and _everyday_word(tokens[0])
            if (cue in _STRONG_LOWER or is_relation(cue)) and not word_after:
                # "Hadde følge av tanten hrafnhildur til timen"; not "mor død 2019", "Datter tlf 482 …"
                n = max(n, name_run(text, start, tokens))
            if n:
                end = start + len(" ".join(tokens[:n]))
                out.append(finding(start, end, Label.PERSON, 0.8, FAMILY, "title + lower-case name"))
        for m in anchored(text, LOWER_GENITIVE, ("\n", ". ", "! ", "? ")):
            tokens = m.group(1).split()
            run = name_run(text, m.start(1), tokens, check_end=False)
            plural = m.group(1).endswith(("enes", "ets"))  # "smertenes mor"
            if is_relation(m.group(2).lower()) and run == len(tokens) and not plural:
                out.append(finding(m.start(1), m.end(1), Label.PERSON, 0.75, FAMILY, "genitive + relation"))
        for m in anchored(text, _LOWER_BEFORE_AGE, ("\n", ": ", "] ")):
            tokens = m.group(1).split()
            while tokens and tokens[-1].lower() in person_cues.RUN_STOPS:
                tokens.pop()  # "jocelyn komma 33 år"
            whole = bool(tokens) and name_run(text, m.start(1), tokens, check_end=False) == len(tokens)
            if whole and tokens[0].islower():
                end = m.start(1) + len(" ".join(tokens))
                out.append(finding(m.start(1), end, Label.PERSON, 0.75, FAMILY, "lower-case name + age"))
        i = text.find(":")
        while i >= 0:
            field = field_before(scan, i + 1)
            if field in _FIELDS or field.endswith("navn"):
                value = _FIELD_VALUE.match(text, i + 1)
                if value and value.group(1)[0].islower():
                    tokens = value.group(1).split()
                    while tokens and skippable(tokens[0]):  # "Pårørende: tanten Ásdís", "dr. ÖZTÜRK"
                        tokens = tokens[1:]
                    if not tokens or not tokens[0][0].islower():
                        i = text.find(":", i + 1)
                        continue
                    start = text.index(tokens[0], value.start(1))
                    n = max(_gazetteer_prefix(tokens), min(len(tokens), 3) if len(tokens) <= 3 else 0)
                    if n:
                        end = start + len(" ".join(tokens[:n]))
                        out.append(finding(start, end, Label.PERSON, 0.85, FAMILY,
                                           "header field (lower case)", cues=(field,)))
            i = text.find(":", i + 1)
        return out

    def _capitalised(self, scan: Scan) -> list[Finding]:
        out: list[Finding] = []
        for seq in sequences(scan):
            toks = list(seq.tokens)
            title = ""
            while toks and (not seq.comma_form or len(toks) > 2) and lead_word(toks):
                if toks[0][2].lower() in TITLES:
                    title = toks[0][2].lower()
                toks.pop(0)
            if len(toks) > 1:
                cut = next((i for i in range(1, len(toks)) if breaks_name(toks[i][2])), len(toks))
                del toks[cut:]  # "Shvan Mehmedović Barnebarnet Lars": a period was dropped
            if not toks or any(never_in_name(t[2]) for t in toks):
                continue
            if clinic_word_after(scan, toks[-1][1]):
                continue  # "Majorstua Legesenter", "Haukeland universitetssjukehus" are organisations
            hit = self._judge(scan, seq, toks, title)
            if hit is not None:
                out.append(hit)
        return out

    def _judge(self, scan: Scan, seq: Sequence, toks: list[tuple[int, int, str]],
               title: str) -> Finding | None:
        start, end = toks[0][0], toks[-1][1]
        if len(toks) > 1 and all(len(t[2]) == 1 and t[2].isupper() for t in toks) and \
                scan.text[end:end + 1] == "." and scan.text[end - 2:end - 1] == ".":
            end += 1  # initials keep their last dot: "E.H." (the dots between are the run's own)
        glued = scan.text[max(0, start - 3):start]
        if glued in ("al-", "el-") and (start == 3 or not scan.text[start - 4].isalpha()):
            start -= 3  # "al-Hassan"
        names = [t[2] for t in toks]
        text = scan.text
        k = start - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k >= 0 and text[k] == ":":  # only then can it be the value of a "Field: value" header
            field = field_before(scan, start)
            if field in _FIELDS or field.endswith("navn"):
                if len(names) == 1 and _everyday_word(names[0]) and not name_like(names[0]):
                    return None  # a speaker's line, "Lege: Ja, dette kan være …", "Pasient: Ukjent"
                return finding(start, end, Label.PERSON, 0.95, FAMILY, "header field", cues=(field,))
            if field in _ORG_FIELDS:
                return None
        first_known = name_like(names[0]) and names[0] in lang_nb.first_names()
        any_known = any(name_like(n) for n in names)
        title = title or title_before(scan, start)
        # the period of "dr." or "hr." does not end a sentence
        sentence_start = text[k:k + 1] in (".", "!", "?") and title not in TITLES
        if names[0] not in NON_NAME and not (len(names) == 1 and not_a_name(names[0])):
            cue = (not sentence_start and cue_before(scan, start)) or cue_after(scan, end)
            if cue and len(names) == 1 and not name_like(names[0]) and duration_like(cue):
                cue = ""
            if cue and not place_after_preposition(scan, start, names):
                # after "hos" alone an employer is as likely ("stilling hos Mowi"): any organisation
                # finding of the same words wins over this one
                score = 0.55 if cue == "hos" else 0.85  # below 0.6: not propagated either
                return finding(start, end, Label.PERSON, score, FAMILY, "name in context", cues=(cue,))
        elif len(names) == 1 and names[0] in words.NAME_STOPWORDS and not sentence_start and \
                _word_like_cue(cue_before(scan, start)):
            # a surname that is also a word, after a cue only a person takes: "Vi kontakter Eng på …"
            return finding(start, end, Label.PERSON, 0.8, FAMILY, "word-like name after a strong cue")
        if not (any_known or seq.comma_form) and len(names) == 1 and sentence_start:
            return None  # an ordinary word starting a sentence ("Smertene", "Videre")
        if title in TITLES and title not in words.WEAK_TITLES and (any_known or names[0] not in NON_NAME):
            if len(names) == 1 and names[0].isupper() and len(names[0]) <= 4:
                return None  # "dr. MR" / acronyms
            return finding(start, end, Label.PERSON, 0.9, FAMILY, "title/role + name", cues=(title,))
        if seq.comma_form and (any_known or len(names) == 2) and not _acronyms(names):
            return finding(start, end, Label.PERSON, 0.9, FAMILY, "ETTERNAVN, Fornavn")
        if len(names) == 2 and len(names[0]) == 1 and len(names[1]) > 2:
            return finding(start, end, Label.PERSON, 0.8 if name_like(names[1]) else 0.7, FAMILY,
                           "initial + surname")
        if len(names) >= 2 and first_known and all(n not in NON_NAME for n in names[1:]):
            return finding(start, end, Label.PERSON, 0.85, FAMILY, "first name + name (gazetteer)")
        if len(names) >= 2 and all(name_like(n) or len(n) == 1 for n in names):
            return finding(start, end, Label.PERSON, 0.75, FAMILY, "name words (gazetteer)")
        if title in words.WEAK_TITLES and any_known and title not in ("og", "med"):
            return finding(start, end, Label.PERSON, 0.7, FAMILY, "weak cue + gazetteer name", cues=(title,))
        if len(names) == 1 and first_known and mid_sentence(scan.text, start):
            return finding(start, end, Label.PERSON, 0.6, FAMILY, "first name (gazetteer)")
        opens_entry = text[k:k + 1] == "]"  # "[14/09/2022] Shvan Mehmedović"
        if len(names) >= 2 and (mid_sentence(text, start) or opens_entry) and proper_name_shape(names):
            # Norwegian capitalises only proper nouns: two capitalised words mid-sentence that are
            # no place, organisation, eponym or acronym are most likely a name
            return finding(start, end, Label.PERSON, 0.6, FAMILY, "capitalised words mid-sentence")
        return None


_ROMAN = re.compile(r"[IVX]+")
_EVERYDAY: Final = 3.5  # zipf: "død", "tlf", "ja", "ukjent" (rare names are far below; known ones are exempt)


def _everyday_word(word: str) -> bool:
    """A frequent bokmål word that no name list holds ("død", "tlf", "Ja"): after a relation word or
    as a field's only value it is the sentence going on, not a name ("mor død 2019", "Lege: Ja,")."""
    low = word.strip(",.:;").lower()
    if not low.isalpha() or low.capitalize() in lang_nb.known_names():
        return False
    return zipf(low) >= _EVERYDAY


def _acronyms(names: list[str]) -> bool:
    """Capitals of three letters or fewer, or a Roman numeral, on both sides of the comma: "NYHA klasse
    II, EF 45 %" is a class and an acronym, not "ETTERNAVN, Fornavn" (issue 13)."""
    return any(_ROMAN.fullmatch(n) for n in names) or all(n.isupper() and len(n) <= 3 for n in names)


def _word_like_cue(cue: str) -> bool:
    """Cues strong enough for a name that is also a word ("Eng", "Li", "Sol"): a verb only a person
    takes, a role, or a relation word ("kona Liv")."""
    return cue in person_cues.WORDLIKE_NAME_CUES or is_relation(cue)
