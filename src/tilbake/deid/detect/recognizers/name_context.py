"""The context that decides whether capitalised or lower-case words are a person's name when no
name list knows them (see ``lang_nb/person_cues.py``): cue words before and after, relation words,
name-shaped runs of words, and the words that never belong to a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tilbake.deid import lang_nb
from tilbake.deid.detect.name_words import WORD_CACHE
from tilbake.deid.detect.recognizers.base import Scan
from tilbake.deid.lang_nb import person_cues, words

TITLES = frozenset(words.PERSON_TITLES)
NEVER = frozenset(words.EPONYMS) | frozenset(words.DRUG_BRANDS) | frozenset(words.AGENCIES)
NON_NAME = frozenset(words.NON_NAME_CAPWORDS) | frozenset(person_cues.HEADER_WORDS) | frozenset(
    person_cues.SENTENCE_WORDS)
CLINIC = tuple(w for w in words.CLINIC_WORDS if len(w) > 3)


@lru_cache(maxsize=WORD_CACHE)
def never_in_name(word: str) -> bool:
    """An eponym, drug or agency, or a clinic word ("Majorstua Legesenter" is an organisation)."""
    return word in NEVER or word.lower().endswith(CLINIC)


def name_like(w: str) -> bool:
    return w in lang_nb.known_names() and w not in words.NAME_STOPWORDS


_RUN_END = re.compile(r"[ \t]*(?:$|[.,:;()\n/]|\d|\+|på \d|(?:" + "|".join(person_cues.VERBS_AFTER) + r")\b"
                      r"|som (?:er |somer )?\d|komma \d"
                      r"|(?:i dag|idag|til timen|ble|har|er|var|som ringte)\b)")
# "johanns søster", "skovly nes' bror" at the start of a sentence or line
LOWER_GENITIVE = re.compile(r" ?([a-zæøå][\w\-]*(?: [a-zæøå][\w\-]*){0,2}(?:s|'|’)) ([a-zæøå]+)")


def anchored(text: str, pattern: re.Pattern[str], seps: tuple[str, ...]) -> Iterator[re.Match[str]]:
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


def name_run(text: str, start: int, tokens: list[str], *, check_end: bool = True) -> int:
    """How many of ``tokens`` (up to 3) read as an unlisted lower-case name: none a stop word, title,
    relation or person noun, and (``check_end``) what follows them ends a name (punctuation, a
    number, a verb). Surnames that are also words ("kvist", "bakken") are allowed here: the cue decides."""
    n = 0
    for tok in tokens[:3]:
        low = tok.lower()
        if low in person_cues.RUN_STOPS or low in _VERBS or skippable(tok) or low in PERSON_NOUNS or \
                len(low) < 2:
            break
        n += 1
    if not n:
        return 0
    end = start + len(" ".join(tokens[:n]))
    return n if not check_end or _RUN_END.match(text, end) else 0


def lead_word(toks: list[tuple[int, int, str]]) -> bool:
    """A title or header word opening a run of capitalised words; an initial ("I. Selvarajah") is not."""
    word = toks[0][2]
    if len(word) == 1 and len(toks) > 1:
        return False
    return _opens_name(word)


@lru_cache(maxsize=WORD_CACHE)  # bounded: a service sees an open vocabulary
def _opens_name(word: str) -> bool:
    return word in NON_NAME or word.lower() in TITLES or word.lower() in _RELATIONS


@lru_cache(maxsize=WORD_CACHE)
def breaks_name(word: str) -> bool:
    return word in NON_NAME or word.lower() in _RELATIONS


def not_a_name(word: str) -> bool:
    """A single capitalised word that context cannot make a name: an acronym, a common word
    that is also in a name list ("Mann", "Dag"), a relation or person noun ("Kvinne, 45 år"), a
    title in the definite form ("Legen oppgir")."""
    low = word.lower()
    return (word.isupper() and len(word) <= 4) or word in words.NAME_STOPWORDS or is_relation(low) or \
        low in TITLES or low in PERSON_NOUNS or \
        (low.endswith("en") and (low[:-1] in TITLES or low[:-2] in TITLES))


def clinic_word_after(scan: Scan, end: int) -> bool:
    m = NEXT_LOWER.match(scan.text, end)
    return m is not None and m.group(1).lower().endswith(CLINIC)


NEXT_LOWER = re.compile(r" ([a-zæøå][\w\-]*)")


def skippable(token: str) -> bool:
    """Words between a cue and a name: titles, possessives, relation words."""
    low = token.lower()
    return low in TITLES or low in person_cues.POSSESSIVES or is_relation(low)


def _forms(stems: tuple[str, ...], prefixes: tuple[str, ...]) -> frozenset[str]:
    endings = person_cues.RELATION_ENDINGS
    return frozenset(p + q + stem + e for p in ("", *prefixes) for q in ("", *prefixes)
                     for stem in stems for e in endings)


# every form, built once: a set lookup per word instead of a loop over prefixes and stems
_RELATIONS = _forms(person_cues.RELATION_STEMS, person_cues.RELATION_PREFIXES)
PERSON_NOUNS = _forms(person_cues.PERSON_NOUNS, ())


def is_relation(word: str) -> bool:
    """A relation word in any form: "datteren", "stedatteren", "svigerinnen", "barnebarnet", "mora"."""
    return word in _RELATIONS


def title_before(scan: Scan, start: int) -> str:
    """The word before a name; across a line break only a sign-off ("Mvh\\nKari")."""
    word = scan.word_before(start)
    text = scan.text
    newline = text.rfind("\n", max(0, start - 48), start)
    if newline < 0 or text[newline + 1:start].strip() or word in _SIGNOFF_WORDS:
        return word  # on the same line (the common case), or a sign-off
    return ""  # "mottakende lege\n\nNavn/fnr:": the role ends the line above


_SIGNOFF_WORDS = frozenset({"mvh", "hilsen", "sign", "sign.", "signert", "v/"})
_CUE_STRIP = " \t,:;–-/."
# after a name: "(født ...", ", f. ...", ", 47 år", ", som er 47 år", ", som er", " (47 år)",
# " (47-åring)", ", fnr. 010180 12345"
_AFTER = re.compile(r"(?:,? ?\((?:født|fødd|f\.)|, (?:f\.|født|fødd) |, som er "
                    r"|,? (?:som |somer )?(?:er )?\d{1,3}(?:[ -]?år|[ -]?åring| å\b)"
                    r"|,? ?\(\d{1,3}(?:[ -]?år (?:gammel|gml|gamle)|[ -]?åring\w*|[ -]?årig\w*| å\b|[ -]?år)"
                    r"|, (?:fnr|f\.nr|fødselsnr|fødselsnummer|personnr|pnr|d-nr|dnr)\b)")
_VERBS = frozenset({v.split()[0] for v in person_cues.VERBS_AFTER} | {
    "kom", "fulgte", "kjørte", "sa", "mener", "tror", "synes", "var", "bor", "jobber", "hjelper", "hentet"})
_AFTER_FIRST = frozenset(", (")
_AFTER_SECOND = frozenset(" (sefk0123456789" + "".join(v[0] for v in person_cues.VERBS_AFTER))
_VERBS_AFTER = re.compile(r" (?:" + "|".join(person_cues.VERBS_AFTER) + r")\b")


def cue_before(scan: Scan, start: int) -> str:
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
    if one == "for" and len(tokens) > 1 and two.split()[0].endswith(person_cues.DOCUMENT_FOR):
        return two  # "Behandlingsplan for Kari", "Notat for Hansen"
    if one in person_cues.CUES_BEFORE or is_relation(one):
        return one
    if one in person_cues.POSSESSIVES and len(tokens) > 1 and is_relation(tokens[-2]):
        return two
    return ""


def cue_after(scan: Scan, end: int) -> str:
    """An age, a birth date or a verb of telling right after a name, or a relation after its
    genitive ("Vorlands far", "Hodžićs mor", "Nes' bror")."""
    text = scan.text
    if text[end - 1:end] in ("s", "'", "’") and text[end:end + 1] == " " and \
            not text[max(0, end - 4):end].endswith(("enes", "ets")):  # "Smertenes mor": a plural noun
        m = NEXT_LOWER.match(text, end)
        if m and is_relation(m.group(1).lower()):
            return "genitive + relation"
        if m and m.group(1).lower() in person_cues.GENITIVE_NOUNS and _genitive_name(text, end):
            return "genitive + noun"
    if text[end:end + 1] not in _AFTER_FIRST or text[end + 1:end + 2] not in _AFTER_SECOND:
        return ""  # most capitalised words are followed by a plain word: skip the regexes
    m = _AFTER.match(text, end) or _VERBS_AFTER.match(text, end)
    return m.group().strip() if m else ""


def duration_like(cue: str) -> bool:
    """A cue of "(10 år": after a single unknown word as often a duration ("Hypertensjon (10 år)") as
    an age; "(45-åring)", "(45 år gammel)" or "(45 å" are ages."""
    return cue.startswith("(") and cue.endswith("år")


_NOT_GENITIVE_NAMES = frozenset({"hans", "hennes", "deres", "dens", "dets", "ens", "hvis", "alles"})


def _genitive_name(text: str, end: int) -> bool:
    """The word ending at ``end`` reads as a name's genitive ("Åstas", "Hansens", "Nes'"), not a
    pronoun ("Hans plager": his), a person or relation word ("Pasientens") or a noun in the definite
    form ("Ryggens", "Hodets"; unless its stem is a known name: "Johansens")."""
    start = end - 1
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-'’"):
        start -= 1
    word = text[start:end]
    low = word.lower()
    if not word[:1].isupper() or low in _NOT_GENITIVE_NAMES or is_relation(low) or low in PERSON_NOUNS:
        return False
    stem = word[:-1]
    if stem.lower() in TITLES:
        return False
    # not "Arbeiders" nor "Nakkens" (Nakken is also a surname), but "Johansens"
    definite = low.endswith(("ens", "ets", "enes", "ernes", "ns'"))
    return stem not in NON_NAME and not (
        definite and not (name_like(stem) and stem.endswith(("sen", "son", "ssen"))))


def place_after_preposition(scan: Scan, start: int, names: list[str]) -> bool:
    return len(names) == 1 and names[0] in lang_nb.places() and scan.word_before(start) in _PLACE_PREPS


_PLACE_PREPS = frozenset({"i", "på", "til", "fra", "ved", "mot", "utenfor", "nær", "over"})


def closing_name(names: list[str]) -> bool:
    """A closing line of name words: no header, eponym, drug or acronym, not a place ("Oslo Sentrum")
    and not a clinic."""
    places = lang_nb.places()
    return not any(n in NON_NAME or n in NEVER or (n.isupper() and len(n) <= 4) or
                   n.lower().endswith(CLINIC) for n in names) and names[0] not in places


def proper_name_shape(names: list[str]) -> bool:
    places = lang_nb.places()
    return not any(n in NON_NAME or n in NEVER or (n.isupper() and len(n) <= 4) or
                   (n in places and not name_like(n)) for n in names)


def mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] not in ".!?:\n•-*\"(" and text[i].isalpha()
