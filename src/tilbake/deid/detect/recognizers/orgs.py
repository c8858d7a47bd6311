"""Organisations: hospitals from a gazetteer with their short names (Ahus, Riksen, SUS), clinics by
pattern ("Majorstua legesenter", "Sentrum Kiropraktorklinikk"), and employers, schools and clubs
after cues ("jobber på Rema 1000"). National agencies (NAV, HELFO) are never flagged.
"""

from __future__ import annotations

import re
from functools import cache

from tilbake.deid import lang_nb
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
                 "apotek", "bedriftshelsetjeneste", "omsorgssenter", "dps", "vgs", "videregående", "høgskole")
_AGENCIES = frozenset(w.lower() for w in words.AGENCIES)
_NON_NAME = frozenset(words.NON_NAME_CAPWORDS)
_AGENCIES_LONG = tuple(a for a in _AGENCIES if len(a) > 5)


@cache
def _hospitals() -> Needles[tuple[int, str]]:
    return Needles({name.lower(): (len(name), name if name in orgs.CASE_SENSITIVE else "")
                    for name in orgs.HOSPITALS})


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
        return self._hospitals(scan) + self._clinics(scan) + self._employers(scan) + self._after_job(scan)

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
            out.append(finding(start, end, Label.ORG, 0.9, FAMILY, "hospital (gazetteer)"))
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
            if w.isdigit() and s > 0 and not text[s - 1].isspace():
                break  # "kl. 10:10 Rekvirert røntgen": a time, not part of a name
            if w.endswith(".") and len(w) > 3:
                break  # the end of the previous sentence
            if _verb_like(text, s, w):
                break  # "Rekvirert røntgen", "Låpå Curato røntgen", "Overførestil måløy ryggklinikk"
            begin = s
        own_name = text[ws].isupper() and ws < i  # "Sentrumklinikken", "Bislettklinikken"
        after = _NEXT_WORD.match(text, we)
        if after and after.group(1).lower() in lang_nb.places_lower() and \
                after.group(1).lower() not in _PREPOSITIONS:
            we = after.end(1)  # "kiropraktorklinikken florø"
            own_name = True
        tail = _tail(text, we)
        if tail and (text[ws].isupper() or begin < ws or own_name):
            we, own_name = tail, True  # "Kysthospitalet i Stavern", "… Fysioterapi og Trening"
        legal = _LEGAL.match(text, we)
        if legal:
            we = legal.end()  # "Harstad kiropraktorkontor DA"
        if begin == ws and not own_name:
            return None
        if any(a in text[begin:we].lower() for a in _AGENCIES_LONG) or text[begin:we].lower() in _AGENCIES:
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
                        name.lower() not in _NOT_EMPLOYERS:
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
