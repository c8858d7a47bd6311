"""Person names found by rules: header fields ("Pasient: Kari Nordmann"), titles and roles ("fastlege
Hansen", "datteren Kari"), "NORDMANN, Kari", signatures ("Mvh\\nKari Nordmann"), initials
("K. Nordmann") and the SSB first-name and surname gazetteers.

Rare names, lower-case names and names with no context are the NER model's job; the engine also
propagates every name found here to its later mentions in the same document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import ahocorasick

from tilbake.deid import lang_nb
from tilbake.deid.lang_nb import letters, person_cues, words
from tilbake.deid.recognizers.base import Finding, Recognizer, Scan, finding
from tilbake.deid.spans import Label

FAMILY = "names"
_PARTICLES = frozenset({"von", "van", "de", "der", "af", "da", "di", "la", "le", "bin", "ibn", "al", "ter",
                        "ten", "den", "del", "della", "dos", "das", "du", "el", "abu", "ben", "mac", "op"})
_TITLES = frozenset(words.PERSON_TITLES)
_NEVER = frozenset(words.EPONYMS) | frozenset(words.DRUG_BRANDS) | frozenset(words.AGENCIES)
_NON_NAME = frozenset(words.NON_NAME_CAPWORDS) | frozenset(person_cues.HEADER_WORDS) | frozenset(
    person_cues.SENTENCE_WORDS)
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
            joined = gap == " " or gap == "-" or (len(last) == 1 and gap in (". ", ".") and
                                                  tok[2] not in _NON_NAME and not is_relation(tok[2].lower()))
            if not joined and " " in gap and gap.strip() in _PARTICLES and len(gap) < 6:
                joined = True
            if not joined and gap == ", " and len(last) > 1:
                lead = current.tokens[0][2]
                after_header = len(current.tokens) == 2 and (lead in _NON_NAME or lead.lower() in _TITLES)
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


def _name_like(w: str) -> bool:
    return w in lang_nb.known_names() and w not in words.NAME_STOPWORDS


_LOWER_CUES = sorted({*(t for t in words.PERSON_TITLES if t not in words.WEAK_TITLES and len(t) > 1),
                      "kontroll av", "samtale med", "ringer", "ringte", "rniger", "med pasient", "kopi til",
                      "sendt melding til", "time hos", "hilsen", *person_cues.STRONG_LOWER_CUES},
                     key=len, reverse=True)
_STRONG_LOWER = frozenset(person_cues.STRONG_LOWER_CUES)
_RUN_END = re.compile(r"[ \t]*(?:$|[.,:;()\n/]|\d|\+|på \d|(?:" + "|".join(person_cues.VERBS_AFTER) + r")\b"
                      r"|som (?:er |somer )?\d|komma \d"
                      r"|(?:i dag|idag|til timen|ble|har|er|var|som ringte)\b)")
# before an age or a birth date, at the start of a line or clause: "isaias rogne (født 1972)"
_LOWER_BEFORE_AGE = re.compile(r"[ \t]*([^\W\d_][\w'\-]+(?: [^\W\d_][\w'\-]+){0,2})"
                               r"(?= ?\((?:født|f\.)|,? (?:som |somer )?(?:er )?\d{1,3}[ -]?år| komma \d)")
_LOWER_NAME = re.compile(r"[ \t\n]+([^\W\d_][\wæøå\-]+(?:[ \t]+[^\W\d_][\wæøå\-]+){0,2})")


@cache
def _lower_cue_automaton() -> Any:
    automaton = ahocorasick.Automaton()
    for cue in _LOWER_CUES:
        automaton.add_word(cue, len(cue))
    automaton.make_automaton()
    return automaton
_ROLE_LINE = re.compile(r"\n(?:lege|kiropraktor|fysioterapeut|manuellterapeut|spesialist|lis|lis-lege|"
                        r"sykepleier|psykolog|turnuslege|overlege|fastlege)\b", re.IGNORECASE)
_ROLE_PAREN = re.compile(r"[ \t]*\((?:lege|kiropraktor|fysioterapeut|manuellterapeut|spesialist|lis|lis-lege|"
                         r"sykepleier|psykolog|turnuslege|overlege|fastlege)\)", re.IGNORECASE)
# two or three capitalised words closing the note after a sentence or on a line of their own
_CLOSING = re.compile(rf"(?:[.!?][ \t]+|\n[ \t]*)({letters.CAPWORD}(?: {letters.CAPWORD}){{1,2}})[ \t]*\Z")
_NAME_LINE = re.compile(r"(?:^|\n)[ \t]*([^\W\d_][\wæøåÆØÅ'\-]+"
                        r"(?:[ \t]+(?:[^\W\d_]|\.)[\w'\-]*){1,3})[ \t]*$")
_FIELD_VALUE = re.compile(r"[ \t]*([^\W\d_][\wæøåÆØÅ.\-]*(?:[ \t]+[^\W\d_][\wæøåÆØÅ.\-]*){0,3})")


def _gazetteer_prefix(tokens: list[str]) -> int:
    """How many of the leading lower-case tokens are known names."""
    n = 0
    for tok in tokens:
        title = tok.capitalize()
        known = title in lang_nb.first_names() or title in lang_nb.surnames()
        if known and title not in words.NAME_STOPWORDS and title not in _NON_NAME:
            n += 1
        else:
            break
    return n


class NameRecognizer(Recognizer):
    name = FAMILY
    labels = (Label.PERSON,)

    def find(self, scan: Scan) -> list[Finding]:
        return self._capitalised(scan) + self._lower_case(scan) + self._signatures(scan)

    def _signatures(self, scan: Scan) -> list[Finding]:
        """A line of name words right above a role line ("Ask Tollefsen\nlege, HPR 9076005") or
        before a role in brackets ("serhii stang (turnuslege)"), and a closing line of two or
        three capitalised words that ends the note ("… bløtvevsbehandling. Tjøstolv Yri")."""
        out: list[Finding] = []
        text = scan.text
        for role in _ROLE_PAREN.finditer(text):
            line_start = text.rfind("\n", 0, role.start()) + 1
            tokens = text[line_start:role.start()].split()
            if 1 < len(tokens) <= 4 and _name_run(text, line_start, tokens, check_end=False) == len(tokens):
                begin = text.index(tokens[0], line_start)
                out.append(finding(begin, begin + len(" ".join(tokens)), Label.PERSON, 0.85, FAMILY,
                                   "name before (role)"))
        closing = _CLOSING.search(text)
        if closing and _closing_name(closing.group(1).split()):
            out.append(finding(closing.start(1), closing.end(1), Label.PERSON, 0.8, FAMILY, "closing name"))
        for role in _ROLE_LINE.finditer(text):
            line = _NAME_LINE.search(text, max(0, role.start() - 60), role.start())
            if line and line.end() == role.start():
                tokens = line.group(1).split()
                if any(_name_like(t.capitalize()) for t in tokens) or all(
                        t[0].isupper() and t not in _NON_NAME and t not in _NEVER for t in tokens):
                    out.append(finding(line.start(1), line.end(1), Label.PERSON, 0.85, FAMILY,
                                       "name line above a role"))
        return out

    def _lower_case(self, scan: Scan) -> list[Finding]:
        """Messy text: "herr høiseth", "Pasientens navn: steinar norodd brekke"."""
        out: list[Finding] = []
        text = scan.text
        lower = scan.lower
        for last, length in _lower_cue_automaton().iter(lower):
            first = last - length + 1
            glued_after = last + 1 < len(lower) and lower[last + 1].isalnum()
            if first > 0 and lower[first - 1].isalnum() or glued_after:
                continue  # the cue must be a word of its own
            m = _LOWER_NAME.match(text, last + 1)
            if m is None:
                continue
            start, tokens = m.start(1), m.group(1).split()
            while tokens and _skippable(tokens[0]):  # "kopi til fastlege magnhild jørgensen", "kona hans"
                start = text.index(tokens[1], start + len(tokens[0])) if len(tokens) > 1 else start
                tokens = tokens[1:]
            n = _gazetteer_prefix(tokens)
            cue = lower[first:last + 1]
            if cue in _STRONG_LOWER or is_relation(cue):  # "Hadde følge av tanten hrafnhildur til timen"
                n = max(n, _name_run(text, start, tokens))
            if n:
                end = start + len(" ".join(tokens[:n]))
                out.append(finding(start, end, Label.PERSON, 0.8, FAMILY, "title + lower-case name"))
        for m in _anchored(text, _LOWER_GENITIVE, ("\n", ". ", "! ", "? ")):
            tokens = m.group(1).split()
            run = _name_run(text, m.start(1), tokens, check_end=False)
            plural = m.group(1).endswith(("enes", "ets"))  # "smertenes mor"
            if is_relation(m.group(2).lower()) and run == len(tokens) and not plural:
                out.append(finding(m.start(1), m.end(1), Label.PERSON, 0.75, FAMILY, "genitive + relation"))
        for m in _anchored(text, _LOWER_BEFORE_AGE, ("\n", ": ", "] ")):
            tokens = m.group(1).split()
            while tokens and tokens[-1].lower() in person_cues.RUN_STOPS:
                tokens.pop()  # "jocelyn komma 33 år"
            whole = bool(tokens) and _name_run(text, m.start(1), tokens, check_end=False) == len(tokens)
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
                    while tokens and _skippable(tokens[0]):  # "Pårørende: tanten Ásdís", "dr. ÖZTÜRK"
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
            while toks and (not seq.comma_form or len(toks) > 2) and _lead_word(toks):
                if toks[0][2].lower() in _TITLES:
                    title = toks[0][2].lower()
                toks.pop(0)
            if len(toks) > 1:
                cut = next((i for i in range(1, len(toks)) if _breaks_name(toks[i][2])), len(toks))
                del toks[cut:]  # "Shvan Mehmedović Barnebarnet Lars": a period was dropped
            if not toks or any(t[2] in _NEVER for t in toks):
                continue
            if any(t[2].lower().endswith(_CLINIC) for t in toks) or _clinic_word_after(scan, toks[-1][1]):
                continue  # "Majorstua Legesenter", "Haukeland universitetssjukehus" are organisations
            hit = self._judge(scan, seq, toks, title)
            if hit is not None:
                out.append(hit)
        return out

    def _judge(self, scan: Scan, seq: Sequence, toks: list[tuple[int, int, str]],
               title: str) -> Finding | None:
        start, end = toks[0][0], toks[-1][1]
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
                return finding(start, end, Label.PERSON, 0.95, FAMILY, "header field", cues=(field,))
            if field in _ORG_FIELDS:
                return None
        first_known = _name_like(names[0]) and names[0] in lang_nb.first_names()
        any_known = any(_name_like(n) for n in names)
        title = title or _title_before(scan, start)
        # the period of "dr." or "hr." does not end a sentence
        sentence_start = text[k:k + 1] in (".", "!", "?") and title not in _TITLES
        if names[0] not in _NON_NAME and not (len(names) == 1 and _not_a_name(names[0])):
            cue = (not sentence_start and _cue_before(scan, start)) or _cue_after(scan, end)
            if cue and not _place_after_preposition(scan, start, names):
                return finding(start, end, Label.PERSON, 0.85, FAMILY, "name in context", cues=(cue,))
        if not (any_known or seq.comma_form) and len(names) == 1 and sentence_start:
            return None  # an ordinary word starting a sentence ("Smertene", "Videre")
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
        opens_entry = text[k:k + 1] == "]"  # "[14/09/2022] Shvan Mehmedović"
        if len(names) >= 2 and (_mid_sentence(text, start) or opens_entry) and _proper_name_shape(names):
            # Norwegian capitalises only proper nouns: two capitalised words mid-sentence that are
            # no place, organisation, eponym or acronym are most likely a name
            return finding(start, end, Label.PERSON, 0.6, FAMILY, "capitalised words mid-sentence")
        return None


# "johanns søster", "skovly nes' bror" at the start of a sentence or line
_LOWER_GENITIVE = re.compile(r" ?([a-zæøå][\w\-]*(?: [a-zæøå][\w\-]*){0,2}(?:s|'|’)) ([a-zæøå]+)")


def _anchored(text: str, pattern: re.Pattern[str], seps: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` at the start of the text and right after each of ``seps`` that begin
    with a lower-case letter (found with ``str.find``: a regex with look-behinds would crawl)."""
    starts = [0] if text[:1].islower() else []
    for sep in seps:
        i = text.find(sep)
        while i >= 0:
            pos = i + len(sep)
            if text[pos:pos + 1].islower() or text[pos:pos + 1] == " ":
                starts.append(pos)
            i = text.find(sep, pos)
    for pos in starts:
        m = pattern.match(text, pos)
        if m and m.group(1)[:1].islower():
            yield m


def _name_run(text: str, start: int, tokens: list[str], *, check_end: bool = True) -> int:
    """How many of ``tokens`` (up to 3) read as an unlisted lower-case name: none a stop word, title,
    relation or person noun, and (``check_end``) what follows them ends a name (punctuation, a
    number, a verb). Surnames that are also words ("kvist", "bakken") are allowed here: the cue decides."""
    n = 0
    for tok in tokens[:3]:
        low = tok.lower()
        if low in person_cues.RUN_STOPS or low in _VERBS or _skippable(tok) or low in _PERSON_NOUNS or \
                len(low) < 2:
            break
        n += 1
    if not n:
        return 0
    end = start + len(" ".join(tokens[:n]))
    return n if not check_end or _RUN_END.match(text, end) else 0


def _lead_word(toks: list[tuple[int, int, str]]) -> bool:
    """A title or header word opening a run of capitalised words; an initial ("I. Selvarajah") is not."""
    word = toks[0][2]
    if len(word) == 1 and len(toks) > 1:
        return False
    return _opens_name(word)


@lru_cache(maxsize=1 << 16)  # bounded: a service sees an open vocabulary
def _opens_name(word: str) -> bool:
    return word in _NON_NAME or word.lower() in _TITLES or word.lower() in _RELATIONS


@lru_cache(maxsize=1 << 16)
def _breaks_name(word: str) -> bool:
    return word in _NON_NAME or word.lower() in _RELATIONS


def _not_a_name(word: str) -> bool:
    """A single capitalised word that context cannot make a name: an acronym, a common word
    that is also in a name list ("Mann", "Dag"), a relation or person noun ("Kvinne, 45 år")."""
    low = word.lower()
    return (word.isupper() and len(word) <= 4) or word in words.NAME_STOPWORDS or is_relation(low) or \
        low in _TITLES or low in _PERSON_NOUNS


def _clinic_word_after(scan: Scan, end: int) -> bool:
    m = _NEXT_LOWER.match(scan.text, end)
    return m is not None and m.group(1).lower().endswith(_CLINIC)


_NEXT_LOWER = re.compile(r" ([a-zæøå][\w\-]*)")


def _skippable(token: str) -> bool:
    """Words between a cue and a name: titles, possessives, relation words."""
    low = token.lower()
    return low in _TITLES or low in person_cues.POSSESSIVES or is_relation(low)


def _forms(stems: tuple[str, ...], prefixes: tuple[str, ...]) -> frozenset[str]:
    endings = person_cues.RELATION_ENDINGS
    return frozenset(p + q + stem + e for p in ("", *prefixes) for q in ("", *prefixes)
                     for stem in stems for e in endings)


# every form, built once: a set lookup per word instead of a loop over prefixes and stems
_RELATIONS = _forms(person_cues.RELATION_STEMS, person_cues.RELATION_PREFIXES)
_PERSON_NOUNS = _forms(person_cues.PERSON_NOUNS, ())


def is_relation(word: str) -> bool:
    """A relation word in any form: "datteren", "stedatteren", "svigerinnen", "barnebarnet", "mora"."""
    return word in _RELATIONS


def _title_before(scan: Scan, start: int) -> str:
    """The word before a name; across a line break only a sign-off ("Mvh\\nKari")."""
    word = scan.word_before(start)
    text = scan.text
    newline = text.rfind("\n", max(0, start - 48), start)
    if newline < 0 or text[newline + 1:start].strip() or word in _SIGNOFF_WORDS:
        return word  # on the same line (the common case), or a sign-off
    return ""  # "mottakende lege\n\nNavn/fnr:": the role ends the line above


_SIGNOFF_WORDS = frozenset({"mvh", "hilsen", "sign", "sign.", "signert", "v/"})
_CUE_STRIP = " \t,:;–-/."
# after a name: "(født ...", ", f. ...", ", 47 år", ", som er 47 år", ", som er"
_AFTER = re.compile(r"(?:,? ?\((?:født|fødd|f\.)|, (?:f\.|født|fødd) |, som er "
                    r"|,? (?:som |somer )?(?:er )?\d{1,3}(?:[ -]?år|[ -]?åring| å\b))")
_VERBS = frozenset({v.split()[0] for v in person_cues.VERBS_AFTER} | {
    "kom", "fulgte", "kjørte", "sa", "mener", "tror", "synes", "var", "bor", "jobber", "hjelper", "hentet"})
_AFTER_FIRST = frozenset(", (")
_AFTER_SECOND = frozenset(" (sefk0123456789" + "".join(v[0] for v in person_cues.VERBS_AFTER))
_VERBS_AFTER = re.compile(r" (?:" + "|".join(person_cues.VERBS_AFTER) + r")\b")


def _cue_before(scan: Scan, start: int) -> str:
    """A cue phrase or relation word right before ``start`` on the same line ("Jeg henviser ",
    "Ifølge svigerinnen ", "kona hans ", "Fastlege er ", "Navn – ")."""
    line = scan.text[max(0, start - 40):start]
    line = line[line.rfind("\n") + 1:].lower().rstrip(" \t")
    if line.endswith((".", "!", "?")) and not line.endswith(("pas.", "pt.")):
        return ""  # a new sentence: "... har voksne barn. Plagene"
    if line.endswith("/") and (len(line) == 1 or not line[-2].isalpha()):
        return "/"  # "Tlf./navn: 950 19 278/Dag Ruslanov", a closing "/Þórdís Hagen"
    tokens = line.rstrip(_CUE_STRIP).split()
    if not tokens:
        return ""
    one = tokens[-1].strip(_CUE_STRIP)
    two = " ".join(t.strip(_CUE_STRIP) for t in tokens[-2:])
    if two in person_cues.CUES_BEFORE:
        return two
    if one in person_cues.CUES_BEFORE or is_relation(one):
        return one
    if one in person_cues.POSSESSIVES and len(tokens) > 1 and is_relation(tokens[-2]):
        return two
    return ""


def _cue_after(scan: Scan, end: int) -> str:
    """An age, a birth date or a verb of telling right after a name, or a relation after its
    genitive ("Vorlands far", "Hodžićs mor", "Nes' bror")."""
    text = scan.text
    if text[end - 1:end] in ("s", "'", "’") and text[end:end + 1] == " " and \
            not text[max(0, end - 4):end].endswith(("enes", "ets")):  # "Smertenes mor": a plural noun
        m = _NEXT_LOWER.match(text, end)
        if m and is_relation(m.group(1).lower()):
            return "genitive + relation"
    if text[end:end + 1] not in _AFTER_FIRST or text[end + 1:end + 2] not in _AFTER_SECOND:
        return ""  # most capitalised words are followed by a plain word: skip the regexes
    m = _AFTER.match(text, end) or _VERBS_AFTER.match(text, end)
    return m.group().strip() if m else ""


def _place_after_preposition(scan: Scan, start: int, names: list[str]) -> bool:
    return len(names) == 1 and names[0] in lang_nb.places() and scan.word_before(start) in _PLACE_PREPS


_PLACE_PREPS = frozenset({"i", "på", "til", "fra", "ved", "mot", "utenfor", "nær", "over"})


def _closing_name(names: list[str]) -> bool:
    """A closing line of name words: no header, eponym, drug or acronym, not a place ("Oslo Sentrum")
    and not a clinic."""
    places = lang_nb.places()
    return not any(n in _NON_NAME or n in _NEVER or (n.isupper() and len(n) <= 4) or
                   n.lower().endswith(_CLINIC) for n in names) and names[0] not in places


def _proper_name_shape(names: list[str]) -> bool:
    places = lang_nb.places()
    return not any(n in _NON_NAME or n in _NEVER or (n.isupper() and len(n) <= 4) or
                   (n in places and not _name_like(n)) for n in names)


def _mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] not in ".!?:\n•-*\"(" and text[i].isalpha()
