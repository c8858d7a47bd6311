"""Organisations: hospitals from a gazetteer with their short names (Ahus, Riksen, SUS), clinics by
pattern ("Majorstua legesenter", "Sentrum Kiropraktorklinikk"), and employers, schools and clubs
after cues ("jobber på Rema 1000"). National agencies (NAV, HELFO) are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tilbake.deid import lang_nb
from tilbake.deid.detect.name_words import zipf
from tilbake.deid.detect.recognizers.base import Finding, Needles, Recognizer, Scan, finding, is_boundary
from tilbake.deid.lang_nb import letters, orgs, words
from tilbake.deid.spans import Label

FAMILY = "orgs"
_CLINIC_STEMS = ("manuellterapi", "institutt", "legegruppe", "legeklinikk", "oppvekstsenter", "skule",
                 "høgskule", "universitet", "klubb", "idrettsklubb", "ballklubb", "legesenter",
                 "legekontor", "helsesenter", "fysioterapi", "kiropraktikk", "kiropraktorkl",
                 "kiropraktorsenter", "kiropraktorkontor", "klinikk", "tannlege", "tannklinikk",
                 "helsestasjon",
                 "sykehjem", "legevakt", "rehabiliteringssenter", "treningssenter", "helsehus", "sykehus",
                 "sjukehus", "hospital", "medisinske senter", "skole", "barnehage", "idrettslag", "røntgen",
                 "apotek", "bedriftshelsetjeneste", "omsorgssenter", "dps", "vgs", "videregående", "høgskole",
                 # institutions for living, treatment and rehabilitation, and other bodies with a name
                 "behandlingssenter", "helsesportssenter", "kollektiv", "stiftelse", "voksenopplæring",
                 "spelemannslag", "musikklag", "skolekorps", "menighet", "fengsel", "tingrett",
                 "lagmannsrett", "kommune", "kommunale", "samvirkelag", "samskipnad", "begravelsesbyrå",
                 "meieri", "bakeri", "storsenter", "kjøpesenter", "asylmottak", "bofellesskap",
                 "omsorgsbolig", "helsetun", "sjukeheim")
_AGENCIES = frozenset(w.lower() for w in words.AGENCIES)
_NON_NAME = frozenset(words.NON_NAME_CAPWORDS)
_AGENCIES_LONG = tuple(a for a in _AGENCIES if len(a) > 5)


@cache
def _hospitals() -> Needles[tuple[int, str]]:
    # each name also as a tokenized export writes it ("St . Olavs hospital")
    spaced = {name.replace(". ", " . "): name for name in orgs.HOSPITALS if ". " in name}
    return Needles({variant.lower(): (len(variant), variant if name in orgs.CASE_SENSITIVE else "")
                    for variant, name in [*((n, n) for n in orgs.HOSPITALS), *spaced.items()]})


@cache
def _clinic_stems() -> Needles[tuple[int, str]]:
    return Needles({stem: (rank, stem) for rank, stem in enumerate(_CLINIC_STEMS)})


@cache
def _employer_cues() -> Needles[str]:
    return Needles({cue: cue for cue in sorted(set(words.EMPLOYER_CUES))})


class OrgRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.ORG,)

    def find(self, scan: Scan) -> list[Finding]:
        found = self._hospitals(scan) + self._clinics(scan) + self._employers(scan) + self._after_job(scan)
        found += _legal_forms(scan) + _named_after(scan) + _clubs(scan) + _insurers(scan) + _in_brackets(scan)
        found += _branches(scan) + _coordinated(scan) + _named_centres(scan)
        return _join_trusts(scan.text, [_with_branch(scan.text, f) for f in found])

    def _hospitals(self, scan: Scan) -> list[Finding]:
        out: list[Finding] = []
        text = scan.text
        for last, (length, exact) in _hospitals().find(scan.lower):
            start, end = last - length + 1, last + 1
            if text[end:end + 1] in ("s", "'", "’") and (end + 1 == len(text) or not text[end + 1].isalnum()):
                end += 1  # genitive: "Ahus' akuttmottak", "Haukelands"
            if not is_boundary(text, start, end):
                continue
            if exact and text[start:start + length] != exact and not (
                    text[start:start + length] == exact.lower() and scan.word_before(start) in _AT):
                continue  # "SUS", "UNN" as written, or lower case right after "på"/"ved" ("Lå på unn")
            out.append(finding(start, _division(scan.text, end), Label.ORG, 0.9, FAMILY,
                               "hospital (gazetteer)"))
        return out

    def _clinics(self, scan: Scan) -> list[Finding]:
        found: dict[int, tuple[int, Finding]] = {}  # start -> (rank of the stem, finding)
        for last, (rank, stem) in _clinic_stems().find(scan.lower):  # one pass for all stems
            hit = self._clinic_at(scan, last - len(stem) + 1, stem)
            if hit is not None and (hit.span.start not in found or rank < found[hit.span.start][0]):
                found[hit.span.start] = (rank, hit)  # at one start, the earlier stem of the list wins
        return [hit for _, hit in found.values()]

    def _clinic_at(self, scan: Scan, i: int, stem: str) -> Finding | None:
        text = scan.text
        ws = i
        while ws > 0 and (text[ws - 1].isalpha() or text[ws - 1] == "-"):
            ws -= 1
        we = i + len(stem)
        while we < len(text) and text[we].isalpha():
            we += 1
        both = _BO_OG.search(text, max(0, ws - 8), ws)
        if both:
            ws = both.start()  # "bo- og behandlingssenter", dictated "bo og behandlingssenter"
        begin = ws
        # capitalised words (or a place) before the clinic word: "Majorstua legesenter"
        while begin >= 2 and text[begin - 1] == " " and begin - ws < 60:
            s = begin - 1
            while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-.&'"):
                s -= 1
            w = text[s:begin - 1]
            place = w.lower() in lang_nb.places_lower() and w.lower() not in _PREPOSITIONS
            if w and w.islower() and not place:
                begin = _lower_name_before(text, begin, ws)  # "overføres til stovner legegruppe"
                break
            if not w or not (w[0].isupper() or w.isdigit() or place) or w in _NON_NAME:
                break
            if w.lower() in _AGENCIES:
                break  # "BUP St. Olavs hospital": the service stays outside the hospital's name
            if w.isdigit() and s > 0 and not text[s - 1].isspace():
                break  # "kl. 10:10 Rekvirert røntgen": a time, not part of a name
            if w.endswith(".") and len(w) > 3:
                break  # the end of the previous sentence
            if _verb_like(text, s, w):
                break  # "Rekvirert røntgen", "Låpå Curato røntgen", "Overførestil måløy ryggklinikk"
            if _not_a_name(text, s, w):
                break  # "Alderspsykiatrisk poliklinikk", "Kontaktinfo DPS", "Ringt legevakt"
            begin = s
        if begin < ws and all(_adjective(w) for w in text[begin:ws].split()):
            begin = ws  # "Alderspsykiatrisk poliklinikk": a department ("Tromsø Fysikalske Institutt" stays)
        head = text[ws:i].lower().rstrip("-")
        # "Sentrumklinikken", "Bislettklinikken"; lower case when the head is a place or a name
        own_name = ws < i and (text[ws].isupper() or head in lang_nb.places_lower() or (
            head.capitalize() in lang_nb.known_names() and head.capitalize() not in words.NAME_STOPWORDS
            and _zipf(head) < 4.0)) and "poliklinikk" not in \
            text[ws:we].lower()
        after = _NEXT_WORD.match(text, we)
        if after and after.group(1).lower() in lang_nb.places_lower() and \
                after.group(1).lower() not in _PREPOSITIONS and \
                (after.group(1)[0].isupper() or _zipf(after.group(1)) < 5.5):  # "sykehjem nå": the adverb
            we = after.end(1)  # "kiropraktorklinikken florø"
            own_name = True
        tail = _tail(text, we)
        if tail and (text[ws].isupper() or begin < ws or own_name):
            we, own_name = tail, True  # "Kysthospitalet i Stavern", "… Fysioterapi og Trening"
        if stem == "kommunale":
            noun = _NEXT_WORD.match(text, we)
            if noun is None or not noun.group(1).islower():
                return None
            we = noun.end(1)  # "Kristiansand kommunale eiendom"
        legal = _LEGAL.match(text, we)
        if legal:
            we = legal.end()  # "Harstad kiropraktorkontor DA"
        if begin == ws and not own_name:
            return None
        low = text[begin:we].lower()
        if low in _AGENCIES or any(a in low for a in _AGENCIES_LONG):
            return None
        return finding(begin, we, Label.ORG, 0.85, FAMILY, "clinic pattern", cues=(stem,))

    def _after_job(self, scan: Scan) -> list[Finding]:
        """"Arbeider som rørlegger hos Ruter", "Yrke/arbeidssted: sjåfør, Bring"."""
        out: list[Finding] = []
        lower = scan.lower
        if " som " not in lower and "arbeidssted" not in lower and "yrke" not in lower:
            return out
        for m in _JOB.finditer(lower):
            if m.start() and lower[m.start() - 1].isalpha():
                continue
            org = _ORG_AFTER.match(scan.text, m.end())
            if org is None:
                continue
            name = org.group(1)
            # lower case only when the name is closed off: "hos tine med mye bæring", "hos yara."
            closed = _CLOSED.match(scan.text, org.end(1)) is not None and name.lower() not in _NOT_EMPLOYERS
            if (name[0].isupper() or closed) and name not in _NON_NAME and name.lower() not in _AGENCIES:
                out.append(finding(org.start(1), _name_end(scan.text, org.start(1), org.end(1)), Label.ORG,
                                   0.75, FAMILY, "employer after job"))
        return out

    def _employers(self, scan: Scan) -> list[Finding]:
        """Employers, schools and clubs after a cue ("jobber i Equinor", "Arbeidsgiver: Veidekke");
        a lower-case name only when it ends the clause ("sykmeldt fra jobben i equinor.")."""
        out: list[Finding] = []
        lower, text = scan.lower, scan.text
        for last, cue in _employer_cues().find(lower):  # one pass for all cues
            i = last - len(cue) + 1
            m = _ORG_AFTER.match(text, last + 1) if i == 0 or not lower[i - 1].isalpha() else None
            if m:
                name = m.group(1)
                ends_clause = m.end() >= len(text) or text[m.end()] in ".,;\n)" or \
                    text.startswith((" i ", " de ", " to ", " tre ", " fire ", " siste"), m.end())
                # "Jobb: sjåfør" is a job, not a firm; "etter arbeid hos bonden" a person
                lower_ok = ends_clause and cue not in _JOB_FIELDS and cue not in _CAPITALISED_ONLY
                if (name[0].isupper() or name[0].isdigit() or lower_ok) and \
                        name.lower() not in _AGENCIES and name not in _NON_NAME and \
                        name.lower() not in _NOT_EMPLOYERS and \
                        not (name.islower() and _zipf(name) >= _EVERYDAY_ZIPF):  # "på jobb i går."
                    stop = _name_end(text, m.start(1), m.end(1))
                    out.append(finding(m.start(1), stop, Label.ORG, 0.7, FAMILY,
                                       "employer/school after cue", cues=(cue,)))
        return out


_JOB_FIELDS = frozenset({"jobb:", "arbeidssted:", "arbeidsplass:"})
_CAPITALISED_ONLY = frozenset({"arbeid hos", "arbeidet hos", "jobbet hos", "jobber for", "arbeider for",
                               "jobbet for"})
_NOT_IN_NAME = frozenset(words.EPONYMS) | frozenset(words.DRUG_BRANDS) | frozenset(words.NON_NAME_CAPWORDS)


def _name_end(text: str, start: int, end: int) -> int:
    """The end of an employer's name without words a dropped period glued on ("Mowi Phalens test")."""
    parts = text[start:end].split(" ")
    while len(parts) > 1 and parts[-1] in _NOT_IN_NAME:
        parts.pop()
    return start + len(" ".join(parts))


# what may follow a clinic word and still belong to its name: "i Stavern", "på Vestlandet", "og Trening"
_TAIL = re.compile(rf" (?:i|på|og)(?: (Nord|Sør|Øst|Vest)-| )({letters.CAPWORD}|[a-zæøå][a-zæøå\-]+)"
                   r"(?![\w\-])")
_SERVICES = frozenset({"trening", "rehabilitering", "helse", "idrett", "velvære", "massasje", "naprapati",
                       "akupunktur", "kiropraktikk", "fysioterapi", "manuellterapi", "ernæring", "osteopati"})


def _tail(text: str, end: int) -> int:
    """The end of "i <Place>", "på <Region>" or "og <Service>" after a clinic word, else 0."""
    m = _TAIL.match(text, end)
    if m is None:
        return 0
    word, low = m.group(2), m.group(2).lower()
    if text.startswith(" og", end):
        return m.end() if word[0].isupper() and low in _SERVICES else 0
    if word[0].isupper() and word not in _NON_NAME or low in lang_nb.places_lower():
        return m.end()
    return 0


# a company form after the name: upper case wherever it stands ("Harstad kiropraktorkontor DA for ..."),
# lower case ("da", "as" are also words) only where the name ends
_LEGAL = re.compile(r" (?:DA|AS|ASA|ANS|SA)(?![\w\-])| (?:da|as)(?=[ \t]*(?:[.,;|)\n]|$))")
_GLUED = ("på", "ved", "til", "hos", "fra")


_AT = frozenset({"på", "ved", "fra", "til", "hos", "i"})
_COMMON = frozenset({"vanlig", "privat", "ny", "nytt", "nye", "lokal", "lokale", "kommunal", "kommunale",
                     "offentlig", "annen", "annet", "andre", "samme", "egen", "eget", "sin", "sitt", "hans",
                     "hennes", "en", "et", "ei", "den", "det"})


def _lower_name_before(text: str, begin: int, ws: int) -> int:
    """Lower-case name words before a clinic word count when "til", "ved", "hos", … or "(" comes
    right before them ("behandling hos vennesla fysikalske institutt"): at most two words."""
    words_before = text[max(0, begin - 50):begin].split()
    taken = []
    for w in reversed(words_before[-3:]):
        low = w.lower()
        if low in _AT or w == "(" or w.startswith("("):
            if w.startswith("(") and len(w) > 1:
                taken.append(w[1:])
            break
        if not w.islower() or low in _COMMON or low in _PREPOSITIONS or not w.isalpha() or len(taken) == 2:
            return ws if begin == ws else begin
        taken.append(w)
    else:
        return ws if begin == ws else begin
    if all(t.lower() in _GENERIC for t in taken):
        return begin  # "ved fysikalske institutt": no name in it
    return begin - len(" ".join(reversed(taken))) - 1


_GENERIC = frozenset({"fysikalske", "medisinske", "kiropraktiske", "private", "kommunale"})


def _verb_like(text: str, start: int, word: str) -> bool:
    """A sentence-initial word that opens a clause rather than a name: a participle ("Rekvirert",
    "Rekvierrt") or a verb run together with its preposition ("Låpå", "Undervsierved")."""
    before = text[max(0, start - 3):start].rstrip(" \t")
    if before and before[-1] not in ".!?:\n":
        return False
    low = word.lower()
    if low in lang_nb.places_lower() or word in lang_nb.known_names():
        return False
    return low.endswith("rt") or any(low.endswith(g) and len(low) >= len(g) + 2 for g in _GLUED)


_PREPOSITIONS = frozenset({"i", "på", "til", "fra", "og", "ved", "hos", "med", "for", "om", "av"})
_NEXT_WORD = re.compile(r" ([^\W\d_][\wæøåÆØÅ\-]*)")
_ORG_AFTER = re.compile(rf"[ \t]*:?[ \t]*((?:[{letters.UPPER}0-9][\w&'\-]*|[^\W\d_][\w&'\-]*)"
                        rf"(?:[ ](?:[{letters.UPPER}][\w&'\-]*"
                        r"|\d+(?!\d)(?! ?(?:mnd|dag|uke|måned|år|time|t\b))"
                        r"|gruppen|hydro|vegvesen|as|asa|il|if|fk))*)")
# searched in the lower-case text; any run of blanks between the words of a cue
_JOB = re.compile("(?:" + "|".join(re.escape(c).replace(r"\ ", r"[ \t]+") for c in words.EMPLOYER_JOB_CUES)
                  + r")[ \t]*[^\W\d_][\w\-]*(?:,|[ \t]+(?:hos|i|på|ved)\b)")
_CLOSED = re.compile(r"(?:[ \t]*(?:$|[.,;\n)])| (?:(?:med|og|komma|mye|der|hvor|siden)\b|m/))")
_NOT_EMPLOYERS = frozenset({"skolen", "flere", "mange", "andre", "sykehuset", "sykehjemmet", "barnehagen",
                            "lageret", "verkstedet", "firmaet", "bedriften", "hjemmetjenesten", "kontoret",
                            "hjemmesykepleien", "byggeplass", "anlegg", "privat", "deltid", "turnus",
                            "en", "et", "ei", "butikk", "barnehage", "skole", "jobb", "jobben", "kontor",
                            "butikken", "helse", "fabrikk", "lager", "bygg", "oljen", "kommunen", "staten"})


# --- names by their shape: company forms, branches, names after a type word, clubs, insurers ---

_BO_OG = re.compile(r"(?<![\w\-])[Bb]o-? og $")
_ADJECTIVE_ENDINGS = ("sk", "ske", "sk.")  # medisinsk, psykiatrisk, kirurgiske


@cache
def _never() -> frozenset[str]:
    """Words that are never (part of) a name: headings, field labels, verbs that open a note."""
    from tilbake.deid.detect import ner_filter

    return ner_filter.never_words()


_zipf = zipf  # how common a word is in written bokmål (0 for words wordfreq does not know)


def _adjective(word: str) -> bool:
    """An adjective in -sk ("Medisinsk", "psykiatriske"), not a place or name ending so ("Fauske")."""
    low = word.lower()
    return low.endswith(_ADJECTIVE_ENDINGS) and low not in lang_nb.places_lower() and \
        word.capitalize() not in lang_nb.known_names()


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \t")
    return not before or before[-1] in ".!?:\n" or pos < 2


def _not_a_name(text: str, start: int, word: str) -> bool:
    """A capitalised word before a clinic word that is no part of its name: an adjective of a
    department ("Alderspsykiatrisk poliklinikk"), a word that is never a name ("Kontaktinfo DPS"), or
    a common word opening the sentence ("Ringt legevakt", "Henvist TIA-poliklinikk")."""
    low = word.lower()
    if low in lang_nb.places_lower() or word in lang_nb.known_names() or low in _DIRECTIONS:
        return False
    if low in _never():
        return True
    # a verb or participle opening the sentence: "Ringt", "Kontaktet", "Henvist" (not "Torshov")
    return _sentence_start(text, start) and low.endswith("t") and _zipf(low) >= 3.0


def _place_word(word: str) -> bool:
    low = word.lower()
    return low in lang_nb.places_lower() or low in lang_nb.regions_lower()


def _name_word(word: str, *, lower_ok: bool) -> bool:
    """A word that may be (part of) an organisation's own name after its type word or before a branch:
    a capitalised word that is no sentence word, drug or eponym, or a place in any case."""
    if _place_word(word):
        return word[0].isupper() or lower_ok
    return word[:1].isupper() and word not in _NON_NAME and word not in _NOT_IN_NAME and \
        word.lower() not in _AGENCIES and not _adjective(word)


_DIRECTIONS = frozenset({"nedre", "øvre", "nordre", "søndre", "indre", "ytre", "vestre", "østre", "midtre",
                         "nord", "sør", "øst", "vest", "midt", "store", "lille"})
_WORD = re.compile(rf"[ \t]+({letters.LETTER}[\w\-]*|\d+)")


def _place_after(text: str, end: int, *, lower_ok: bool, digits: bool = False) -> int:
    """The end of a name after ``end``: "Nedre Romerike", "Gjøvik", "Kampesteinen", "1234" (with
    ``digits``); 0 when none follows."""
    m = _WORD.match(text, end)
    if m is None:
        return 0
    word = m.group(1)
    if word.isdigit():
        return m.end() if digits and len(word) <= 5 else 0
    if word.lower() in _DIRECTIONS and (word[0].isupper() or lower_ok):
        nxt = _WORD.match(text, m.end())
        if nxt and _name_word(nxt.group(1), lower_ok=lower_ok):
            return nxt.end()
        return 0
    return m.end() if _name_word(word, lower_ok=lower_ok) else 0


def _division(text: str, end: int) -> int:
    """A hospital's division or trust form after its name: "Sykehuset Innlandet Gjøvik", "Sørlandet
    sykehus Arendal", "Vestre Viken HF", dictated "revmatismesykehuset lillehammer"."""
    if text.startswith(" HF", end) and is_boundary(text, end + 1, end + 3):
        return end + 3
    m = _WORD.match(text, end)
    if m is None or m.group(1).isdigit():
        return end
    word = m.group(1)
    if _place_word(word) and (word[0].isupper() or text[end - 1].islower()):
        return m.end()
    if word[0].isupper() and text[end - 1].isalpha() and not text[:end].split()[-1].islower() and \
            word not in lang_nb.first_names() and _name_word(word, lower_ok=False) and \
            not word.isupper() and _zipf(word.lower()) < 3.5 and word.lower() not in _never():
        return m.end()  # "Sykehuset Innlandet Sanderud"
    return end


_BRANCH = re.compile(r" (?:avd(?: ?\.)?|avdeling)(?= )")  # also tokenized: "avd . Kampesteinen"


def _with_branch(text: str, f: Finding) -> Finding:
    """An organisation with its branch: "Kiwi Sentrum avd. 1234", "Tyrilistiftelsen avd. Kampesteinen",
    "… AS avdeling Raufoss" (a department after a comma, ", nevrologisk avdeling", is no part)."""
    m = _BRANCH.match(text, f.span.end)
    if m is None:
        return f
    stop = _place_after(text, m.end(), lower_ok=text[f.span.start].islower(),
                        digits=text[m.start() + 1:m.end()].startswith("avd"))
    if not stop:
        return f
    return finding(f.span.start, stop, f.span.label, f.span.score, f.span.source, f.pattern, f.check, f.cues)


def _join_trusts(text: str, found: list[Finding]) -> list[Finding]:
    """A health trust and its hospital as one name: "Vestre Viken HF, Kongsberg sykehus"."""
    ends = {f.span.end: f for f in found if text[f.span.end - 2:f.span.end] == "HF"}
    if not ends:
        return found
    out = list(found)
    for f in found:
        trust = ends.get(f.span.start - 2)
        if trust is not None and text[f.span.start - 2:f.span.start] == ", ":
            out.append(finding(trust.span.start, f.span.end, Label.ORG, f.span.score, FAMILY,
                               "trust, hospital"))
    return out


# A company form after its name. Upper case: the capitalised words before it ("BRØDRENE DAHL AS",
# "Kleppe Bygg og Anlegg AS"); lower case "as"/"asa" (no Norwegian word): the words back to a
# preposition ("jobber hos brødrene hansen as").
_FORM = re.compile(r"(?<![\w\-])(AS|ASA|ANS|DA|as|asa)(?![\w\-])")
_NAME_TOKEN = re.compile(r"[\w&][\w&'\-.]*")
_NAME_STOP = _PREPOSITIONS | {"som", "er", "var", "har", "en", "et", "ei", "den", "det", "sin", "sitt",
                              "hans", "hennes", "fra", "via", "mot", "etter"}


def _legal_forms(scan: Scan) -> list[Finding]:
    text = scan.text
    if not (" AS" in text or " as" in text or " DA" in text or " ANS" in text):
        return []
    out: list[Finding] = []
    for m in _FORM.finditer(text):
        upper = m.group(1).isupper()
        words_before = list(_NAME_TOKEN.finditer(text, max(0, m.start() - 80), m.start()))
        begin, taken, last_cap = m.start(), 0, True
        for w in reversed(words_before):
            gap = text[w.end():begin]
            if gap not in (" ", "") or taken == 6:
                break
            word = w.group()
            if upper:
                if word == "og" or word == "&":
                    if not last_cap:
                        break
                elif not (word[0].isupper() or word[0].isdigit()) or word in _NON_NAME or \
                        (_sentence_start(text, w.start()) and _not_a_name(text, w.start(), word)):
                    break
            else:
                if word.lower() in _NAME_STOP - {"og"} or not word.islower():
                    if word.lower() in _AT or word.lower() in ("for", "fra", "via"):
                        break
                    begin = m.start()  # no preposition before the name: not a company
                    break
            begin, taken, last_cap = w.start(), taken + 1, word[0].isupper()
        else:
            if not upper:
                begin = m.start()
        if not upper and begin < m.start():
            prep = scan.word_before(begin)
            if prep not in _AT and prep not in ("for", "fra", "via"):
                continue
        name = text[begin:m.start()].strip(" og&").strip()
        if begin < m.start() and name and any(c.isalpha() for c in name):
            # a name has letters: "kl. 09.40. ASA 2." is a time and a score
            low = text[begin:m.start()].strip().lower()
            if low not in _AGENCIES:
                out.append(finding(begin, m.end(), Label.ORG, 0.85, FAMILY, "name + company form"))
    return out


# type words that take the name after them: "DPS Nedre Romerike", "Stiftelsen Bergensklinikkene",
# "Apotek 1 Lom", "Vitusapotek Jernbanetorget", "IL Jutul", "Blå Kors Eina"
_TYPE_FIRST = re.compile(r"(?<![\w\-])(DPS|dps|Stiftelsen|stiftelsen|Vitusapotek|vitusapotek|Apotek 1|"
                         r"apotek 1|Boots apotek|Ditt apotek|IL|IF|FK|SK|BK|Blå Kors|blå kors|"
                         r"Sparebank 1|SpareBank 1|sparebank 1)(?![\w\-])")


# a public service's local office is named by its place: "NAV Heimdal", "nav gjøvik", "BUP Lillehammer",
# "LAR Oslo" (the service alone is no organisation to hide: an `agency` look-alike)
_SERVICE_PLACE = re.compile(r"(?<![\w\-])(NAV|Nav|nav|BUP|bup|PPT|ppt|LAR|lar|PPT-kontoret|ppt-kontoret)"
                            r"(?=[ \t]+[^\W\d_])")


_SERVICE_GATE = ("NAV", "Nav", "nav ", "BUP", "bup ", "PPT", "ppt", "LAR", "lar ")


_HOSPITAL_HEADS = ("sykehus", "sjukehus", "universitetssykehus", "hf")


def _service_office(text: str, out: list[Finding]) -> None:
    for m in _SERVICE_PLACE.finditer(text):
        w = _WORD.match(text, m.end())
        if w is None:
            continue
        word = w.group(1)
        stop = w.end()
        if word.lower() in _DIRECTIONS:  # "NAV Nordre Aker"
            w = _WORD.match(text, stop)
            if w is None:
                continue
            word, stop = w.group(1), w.end()
        same_case = word[0].isupper() or m.group(1).islower()
        after = _WORD.match(text, stop)
        if after is not None and after.group(1).lower().startswith(_HOSPITAL_HEADS):
            continue  # "BUP Sørlandet sykehus": the service is a department; the hospital is the name
        if _place_word(word) and same_case:
            out.append(finding(m.start(), stop, Label.ORG, 0.85, FAMILY, "service + place"))


# ships and boats by their prefix: "M/S Havbris", "MS Viking Saga" (MS is also the disease: the bare form
# counts only with a word of ships near it)
_SHIP = re.compile(rf"(?<![\w/])(M/S|M/K|M/T|M/V|MS|MK|MT|MV)[ \t]+"
                   rf"({letters.CAPWORD}(?:[ \t]+{letters.CAPWORD}){{0,2}})")
_SHIP_WORDS = ("båt", "skip", "cruise", "ferje", "fartøy", "om bord", "ombord", "mannskap", "fisker",
               "tråler", "rederi", "sjømann", "matros", "kaptein", "styrmann", "hurtigrute")


def _ships(scan: Scan, out: list[Finding]) -> None:
    for m in _SHIP.finditer(scan.text):
        names = m.group(2).split()
        if names[0] in _NON_NAME:
            continue
        near = scan.lower[max(0, m.start() - 80):m.end() + 80]
        if "/" not in m.group(1) and not any(w in near for w in _SHIP_WORDS):
            continue  # "MS Behandles med ...": the disease before a sentence that lost its period
        while len(names) > 1 and (names[-1] in _NON_NAME or _zipf(names[-1].lower()) >= 5.0):
            names.pop()
        out.append(finding(m.start(), m.start(2) + len(" ".join(names)), Label.ORG, 0.85, FAMILY, "ship"))


# _TYPE_FIRST without its leading look-behind, which kept the engine from leaping to the type words'
# first letters in C (it was tried at every character): the look-behind is tested in _type_first
_TYPE_WORDS = re.compile(_TYPE_FIRST.pattern.removeprefix(r"(?<![\w\-])"))
assert _TYPE_WORDS.pattern != _TYPE_FIRST.pattern


def _type_first(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_TYPE_FIRST.finditer(text)``: the leftmost type word at or after ``pos`` whose
    start passes the look-behind; where it fails, no type word starts there, so on from the next
    character (as the regex engine would)."""
    pos = 0
    while (m := _TYPE_WORDS.search(text, pos)) is not None:
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):  # [\w\-] before it
            pos = start + 1
            continue
        yield m
        pos = m.end()


def _named_after(scan: Scan) -> list[Finding]:
    text = scan.text
    out: list[Finding] = []
    if "M/" in text or "MS " in text or "MV " in text or "MK " in text or "MT " in text:
        _ships(scan, out)
    if any(w in text for w in _SERVICE_GATE):
        _service_office(text, out)
    for m in _type_first(text):
        kind = m.group(1)
        lower_ok = kind.islower() or kind[0].islower()
        stop = _place_after(text, m.end(), lower_ok=lower_ok)
        if kind in ("IL", "IF", "FK", "SK", "BK"):
            after = _WORD.match(text, m.end())
            if after is None or not after.group(1)[0].isupper() or _place_word(after.group(1)) and False:
                continue
        if stop:
            out.append(finding(m.start(), stop, Label.ORG, 0.85, FAMILY, "type word + name"))
    return out


# Sports clubs: "<Place or Name> IL/HK/FK …" (also "Strindheim IL/fotball", dictated "gjøvik hk"),
# and after a sport ("spiller fotball i BSK", "håndball for Byåsen")
_CLUB_FORMS = ("IL", "FK", "HK", "SK", "BK", "IF", "IK", "TIL", "BIL", "FF", "OIL", "SFK", "TF", "BFK")
_CLUB_LOWER = "|".join(f.lower() for f in _CLUB_FORMS if f not in ("IF", "FF", "TIL", "TF"))
_CLUB_TAIL = rf"({'|'.join(_CLUB_FORMS)}|{_CLUB_LOWER})(?:/[a-zæøå]+)?(?![\w\-])"
_CLUB = re.compile(rf"({letters.CAPWORD}|{letters.LETTER}[\w\-]*)(?: ({letters.CAPWORD}))? " + _CLUB_TAIL)
# what every _CLUB match holds: a blank and a club form. _CLUB may start at any letter, which makes
# it the dearest regex of the rules (160 µs a note); this one leaps from blank to blank, and few notes
# hold a club form at all (4 % of the generated ones)
_CLUB_FORM = re.compile(" " + _CLUB_TAIL)
_SPORTS = ("fotball", "håndball", "basket", "basketball", "volleyball", "ishockey", "hockey", "bandy",
           "innebandy", "turn", "svømming", "friidrett", "langrenn", "skiskyting", "orientering", "sykling",
           "bryting", "judo", "karate", "boksing", "tennis", "golf", "dans", "hopp", "alpint", "roing",
           "padling", "klatring", "cheerleading", "rugby", "curling", "skøyter", "kickboksing", "taekwondo")
_SPORT_CUE = re.compile(r"(?<![\w\-])(?:" + "|".join(_SPORTS)
                        + r")(?:trening|spiller|spillar|trener)? (?:i|for|på|med|hos)"
                        rf"[ \t]+([{letters.UPPER}]{{2,5}}(?![\w\-])|{letters.CAPWORD})")


def _clubs(scan: Scan) -> list[Finding]:
    text = scan.text
    out: list[Finding] = []
    for m in _CLUB.finditer(text) if _CLUB_FORM.search(text) else ():
        first, form = m.group(1), m.group(3)
        if form.islower() and not _place_word(first):
            continue  # "gjøvik hk": lower case only after a place
        if first[0].isupper() and (first in _NON_NAME or first.lower() in _AGENCIES) and m.group(2) is None:
            continue
        start = m.start()
        if m.group(2) is not None and (first in _NON_NAME or first.islower() and not _place_word(first)):
            start = m.start(2)  # "i Strindheim IL": the preposition stays outside
        elif first.islower() and not _place_word(first):
            continue
        out.append(finding(start, m.end(), Label.ORG, 0.85, FAMILY, "club"))
    if any(s in scan.lower for s in _SPORTS):
        for m in _SPORT_CUE.finditer(scan.lower if False else text):
            name = m.group(1)
            if name in _NON_NAME or name.lower() in _AGENCIES:
                continue
            out.append(finding(m.start(1), m.end(1), Label.ORG, 0.75, FAMILY, "club after sport"))
    return out


@cache
def _insurer_names() -> Needles[tuple[int, str]]:
    return Needles({name.lower(): (len(name), name) for name in (*orgs.INSURERS, *orgs.LABS)})


_INSURANCE_TAIL = re.compile(r" (?:skade|liv|person|livs)?forsikring(?:sselskap)?(?: (?:AS|ASA))?(?![\w\-])",
                             re.IGNORECASE)
_IF = re.compile(r"(?<![\w\-])(If|if|IF)(?![\w\-])")
_INSURANCE_CUES = ("forsikring er", "forsikringsselskap", "forsikret i", "forsikret hos", "forsikring i",
                   "forsikring hos", "forsikring via", "forsikringsselskapet", "forsikring:")


def _insurers(scan: Scan) -> list[Finding]:
    text, lower = scan.text, scan.lower
    out: list[Finding] = []
    for last, (length, name) in _insurer_names().find(lower):
        start, end = last - length + 1, last + 1
        if not is_boundary(text, start, end):
            continue
        if name.isupper() and text[start:end] != name:
            continue  # "KLP" as written
        tail = _INSURANCE_TAIL.match(text, end)
        out.append(finding(start, tail.end() if tail else end, Label.ORG, 0.85, FAMILY, "insurer"))
    if "forsikr" in lower:
        for m in _IF.finditer(text):
            tail = _INSURANCE_TAIL.match(text, m.end())
            cued = any(lower[max(0, m.start() - 24):m.start()].rstrip(" :").endswith(c.rstrip(":"))
                       for c in _INSURANCE_CUES)
            if tail or cued:
                out.append(finding(m.start(), tail.end() if tail else m.end(), Label.ORG, 0.85, FAMILY,
                                   "insurer"))
    return out


# Employers in brackets after an occupation: "sveiser (Aker Solutions)", "fri fra jobb (Mesta)",
# "frisør (Hårfin, eget firma)", tokenized too ("( Hårfin , eget firma )")
_BRACKETED = re.compile(rf"([a-zæøå][a-zæøå\-]+)[ \t]*\( ?((?:{letters.CAPWORD}|\d+)"
                        rf"(?:[ ](?:{letters.CAPWORD}|\d+|og|&|AS|ASA))*)(?: ?\)| ?, )")
_JOB_WORDS = frozenset({"jobb", "jobben", "arbeid", "arbeidet", "arbeidsgiver", "arbeidsgiveren", "praksis",
                        "arbeidspraksis", "deltid", "heltid", "vikar", "lærling", "ansatt", "lærlingplass",
                        "praksisplass", "elev", "student", "jobber", "jobbet", "arbeider", "sommerjobb",
                        "bedriftshelsetjeneste", "bedriftshelsetjenesten", "bht", "firma", "firmaet"})
_OCCUPATION_ENDINGS = ("arbeider", "sjåfør", "pleier", "lærer", "ingeniør", "tekniker", "operatør",
                       "konsulent", "selger", "snekker", "elektriker", "sveiser", "mekaniker", "assistent",
                       "sekretær", "renholder", "montør", "kokk", "frisør", "vekter", "rådgiver", "kasserer",
                       "servitør", "fisker", "bonde", "maler", "murer", "rørlegger", "økonom", "jurist",
                       "advokat", "direktør", "fagarbeider", "medarbeider", "betjent", "designer", "utvikler",
                       "arkitekt", "forsker", "pilot", "matros", "maskinist", "fører", "portør", "ansvarlig",
                       "terapeut", "lege", "leder", "sjef", "agent", "programmerer", "vaktmester", "bud")


# one lower-case word in brackets after a job: "selger (elkjøp)", "sjåfør (tine)". Words about the
# job's terms, its sector or its time are no firm ("(deltid)", "(lager)", "(natt)", "(sykmeldt)"): a
# closed class of words, with the shapes of adjectives and participles and the very common words
_BRACKETED_LOWER = re.compile(r"\( ?([a-zæøå][a-zæøå\-]{1,20}) ?\)")  # brackets first: few texts have them
_WORD_BEFORE = re.compile(r"(?<![\w\-])([a-zæøåA-ZÆØÅ][a-zæøå\-]+)[ \t]*$")
_JOB_TERMS = frozenset({
    "deltid", "heltid", "fast", "fastlønn", "vikar", "vikariat", "natt", "nattevakt", "dag", "dagtid",
    "kveld", "helg", "turnus", "skift", "skiftarbeid", "sykmeldt", "sykemeldt", "ufør", "pensjonert",
    "pensjonist",
    "permittert", "arbeidsledig", "tidligere", "før", "nå", "privat", "offentlig", "kommunal", "statlig",
    "selvstendig", "frilans", "student", "lærling", "praksis", "sommer", "sommerjobb", "ekstrahjelp",
    "tilkalling", "midlertidig", "engasjement", "prosjekt", "hjemmekontor", "hjemme", "pendler", "ansatt",
    "leder", "sjef", "assistent", "kontor", "lager", "butikk", "salg", "renhold", "omsorg", "helse", "bygg",
    "industri", "offshore", "landbruk", "skole", "barnehage", "sykehus", "sykehjem", "hjemmetjenesten",
    "hjemmesykepleien", "kommunen", "staten", "fabrikk", "verksted", "anlegg", "byggeplass", "restaurant",
    "hotell", "butikken", "lageret", "kontoret", "bedrift", "firma", "eget", "egen", "nattjobb", "ekstra",
    "pause", "ferie", "permisjon", "foreldrepermisjon", "gradert", "redusert", "full", "halv", "ca",
    "ukjent", "usikker", "sist", "siste", "rehabilitering", "utdanning", "opplæring", "tiltak", "avsluttet",
    "kantine", "kiosk", "resepsjon", "vakt", "drift", "service", "kundeservice", "transport", "logistikk",
    "regnskap", "økonomi", "it", "data", "sentralbord", "buss", "taxi", "trailer", "lastebil", "truck",
})
_TERM_ENDINGS = ("ig", "lig", "isk", "ert", "et", "dt", "tt", "ende", "ene", "het", "else", "ing", "sjon")
_EVERYDAY_ZIPF = 5.0  # a lower-case word this common is no firm's name ("jobb i går")
_BRAND_ZIPF = 4.3  # rarer than this a bracketed lower-case word after a job may be a firm


def _in_brackets(scan: Scan) -> list[Finding]:
    text = scan.text
    if "(" not in text:
        return []
    out: list[Finding] = []
    for m in _BRACKETED_LOWER.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is None:
            continue
        word, name = before.group(1).lower(), m.group(1)
        if word not in _JOB_WORDS and not (word.endswith(_OCCUPATION_ENDINGS) and word not in _RELATIONS):
            continue
        if name in _JOB_TERMS or name.endswith(_TERM_ENDINGS) or _zipf(name) >= _BRAND_ZIPF or \
                name.capitalize() in lang_nb.known_names() or name in lang_nb.places_lower() or \
                name in _AGENCIES or name.capitalize() in _NOT_IN_NAME or name in _never() or \
                any(_zipf(name[i:]) >= 4.0 for i in range(3, len(name) - 3)):
            continue  # "(deltid)", "(kommunal)", "(kari)": the job's terms or a person, not a firm
        out.append(finding(m.start(1), m.end(1), Label.ORG, 0.7, FAMILY, "lower-case employer in brackets"))
    for m in _BRACKETED.finditer(text):
        word, name = m.group(1), m.group(2)
        if word not in _JOB_WORDS and not (word.endswith(_OCCUPATION_ENDINGS) and word not in _RELATIONS):
            continue
        if name in lang_nb.first_names() or name in _NON_NAME or name.lower() in _AGENCIES or \
                name in _NOT_IN_NAME:
            continue  # "sykepleier (Kari)": a person
        if m.group(0).endswith(", ") and " " not in name and _zipf(name.lower()) >= 3.5:
            continue  # "frisør (Deltid, 50 %)": a word that opens a list, not a firm that a comma follows
        out.append(finding(m.start(2), m.end(2), Label.ORG, 0.75, FAMILY, "employer in brackets"))
    return out


_RELATIONS = frozenset(w.lower() for w in words.PERSON_TITLES)


def _branches(scan: Scan) -> list[Finding]:
    """Capitalised words before a branch: "Kiwi Sentrum avd. 1234" (not "Medisinsk avd. 3")."""
    text = scan.text
    if "avd" not in text:
        return []
    out: list[Finding] = []
    for m in _BRANCH.finditer(text):
        begin = m.start()
        for w in reversed(list(_NAME_TOKEN.finditer(text, max(0, begin - 60), begin))):
            if text[w.end():begin] not in ("", " "):
                break
            word = w.group()
            if not (word[0].isupper() or word.isdigit()) or word in _NON_NAME or \
                    _adjective(word) or word.lower() in _never() or \
                    (_sentence_start(text, w.start()) and _not_a_name(text, w.start(), word)):
                break
            begin = w.start()
        while begin < m.start() and text[begin].isdigit():  # "Nattrapport 27/12 avd. Tunet": a date's end
            begin = text.find(" ", begin, m.start()) + 1 or m.start()
        if begin < m.start():
            f = finding(begin, m.start(), Label.ORG, 0.8, FAMILY, "name + branch")
            g = _with_branch(text, f)
            if g.span.end > m.start():
                out.append(g)
    return out


# A name of capitalised words joined by "og", at least one of them a common noun ("Kvåles Bil og Dekk",
# "Hansen og Sønn"): no two people ("Kari og Ola") and nothing at a sentence start
_COORDINATED = re.compile(rf"({letters.CAPWORD}(?: {letters.CAPWORD})*) og ({letters.CAPWORD})")
_OG_CAPWORD = re.compile(f" og [{letters.UPPER}]")


def _coordinated(scan: Scan) -> list[Finding]:
    text = scan.text
    if _OG_CAPWORD.search(text) is None:  # every match holds " og " and a capital
        return []
    out: list[Finding] = []
    for m in _COORDINATED.finditer(text):
        parts = m.group(1).split(" ") + [m.group(2)]
        if _sentence_start(text, m.start()) or any(p in _NON_NAME or p in _NOT_IN_NAME for p in parts):
            continue
        nouns = [p for p in parts[1:] if p not in lang_nb.known_names() and _zipf(p.lower()) >= 3.5
                 and not _place_word(p)]
        if nouns and len(parts) >= 3:
            out.append(finding(m.start(), m.end(), Label.ORG, 0.75, FAMILY, "name og noun"))
    return out


# shops, centres and halls named as Norwegian names places: a name of its own glued to a noun of a
# building or a place ("Jærhagen", "Montebellosenteret", "Storosenteret", "Nordstrandhallen"), after
# a preposition mid-sentence ("har vært på Jærhagen"). The head is no common word, so "Legesenteret",
# "Kjøpesenteret", "Barnehagen" and "Helsehuset" stay words.
_CENTRE_TAILS = ("senteret", "senter", "hagen", "torget", "gården", "parken", "huset", "kvartalet",
                 "brygga", "bryggen", "hallen", "tunet", "city")
_CENTRE_PREPS = frozenset({"på", "i", "ved", "fra", "til", "hos", "utenfor", "mot"})


def _named_centres(scan: Scan) -> list[Finding]:
    out: list[Finding] = []
    text = scan.text
    for start, end, word in scan.capwords:
        if not word.endswith(_CENTRE_TAILS):  # the tail is in lower case in a capitalised name
            continue
        low = word.lower()
        if start < 2 or text[start - 1] != " " or \
                scan.word_before(start) not in _CENTRE_PREPS or _sentence_start(text, start - 3):
            continue
        if word in _NON_NAME or word in _NOT_IN_NAME or low in _AGENCIES or low in _never() or \
                word in lang_nb.known_names() or _zipf(low) >= 2.5:
            continue
        tail = next(t for t in _CENTRE_TAILS if low.endswith(t))
        head = low[:-len(tail)].rstrip("-")
        if len(head) < 3 or (_zipf(head) >= 3.0 and head not in lang_nb.places_lower()) or \
                (head.endswith(("s", "e")) and _zipf(head[:-1]) >= 3.5):
            continue  # "Kjøpesenteret", "Helsehuset", "Idrettshallen": a compound of common words
        out.append(finding(start, end, Label.ORG, 0.7, FAMILY, "named centre after preposition"))
    return out
