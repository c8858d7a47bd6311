"""Organisations: hospitals from a gazetteer with their short names (Ahus, Riksen, SUS), clinics by
pattern ("Majorstua legesenter", "Sentrum Kiropraktorklinikk"), and employers, schools and clubs
after cues ("jobber på Rema 1000"). National agencies (NAV, HELFO) are never flagged.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import ahocorasick

from tilbake.deid import lang_nb
from tilbake.deid.lang_nb import letters, orgs, words
from tilbake.deid.recognizers.base import Finding, Recognizer, Scan, finding, is_boundary
from tilbake.deid.spans import Label

FAMILY = "orgs"
_CLINIC_STEMS = ("manuellterapi", "institutt", "legegruppe", "legeklinikk", "oppvekstsenter", "skule",
                 "høgskule", "universitet", "klubb", "idrettsklubb", "ballklubb", "legesenter",
                 "legekontor", "helsesenter", "fysioterapi", "kiropraktikk", "kiropraktorkl",
                 "kiropraktorsenter", "kiropraktorkontor", "klinikk", "tannlege", "tannklinikk",
                 "helsestasjon",
                 "sykehjem", "legevakt", "rehabiliteringssenter", "treningssenter", "helsehus", "sykehus",
                 "sjukehus", "hospital", "medisinske senter", "skole", "barnehage", "idrettslag", "røntgen",
                 "apotek", "bedriftshelsetjeneste", "omsorgssenter", "dps")
_AGENCIES = frozenset(w.lower() for w in words.AGENCIES)
_NON_NAME = frozenset(words.NON_NAME_CAPWORDS)
_AGENCIES_LONG = tuple(a for a in _AGENCIES if len(a) > 5)


@cache
def _hospitals() -> Any:
    automaton = ahocorasick.Automaton()
    for name in orgs.HOSPITALS:
        automaton.add_word(name.lower(), (len(name), name if name in orgs.CASE_SENSITIVE else ""))
    automaton.make_automaton()
    return automaton


class OrgRecognizer(Recognizer):
    name = FAMILY
    labels = (Label.ORG,)

    def find(self, scan: Scan) -> list[Finding]:
        return self._hospitals(scan) + self._clinics(scan) + self._employers(scan)

    def _hospitals(self, scan: Scan) -> list[Finding]:
        out: list[Finding] = []
        text = scan.text
        for last, (length, exact) in _hospitals().iter(scan.lower):
            start, end = last - length + 1, last + 1
            if text[end:end + 1] in ("s", "'", "’") and (end + 1 == len(text) or not text[end + 1].isalnum()):
                end += 1  # genitive: "Ahus' akuttmottak", "Haukelands"
            if not is_boundary(text, start, end) or (exact and text[start:start + length] != exact):
                continue
            out.append(finding(start, end, Label.ORG, 0.9, FAMILY, "hospital (gazetteer)"))
        return out

    def _clinics(self, scan: Scan) -> list[Finding]:
        out: list[Finding] = []
        lower = scan.lower
        for stem in _CLINIC_STEMS:
            i = lower.find(stem)
            while i >= 0:
                hit = self._clinic_at(scan, i, stem)
                if hit is not None and not any(h.span.start == hit.span.start for h in out):
                    out.append(hit)
                i = lower.find(stem, i + len(stem))
        return out

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
            if not w or not (w[0].isupper() or w.isdigit() or place) or w in _NON_NAME:
                break
            if w.endswith(".") and len(w) > 3:
                break  # the end of the previous sentence
            begin = s
        own_name = text[ws].isupper() and ws < i  # "Sentrumklinikken", "Bislettklinikken"
        after = _NEXT_WORD.match(text, we)
        if after and after.group(1).lower() in lang_nb.places_lower() and \
                after.group(1).lower() not in _PREPOSITIONS:
            we = after.end(1)  # "kiropraktorklinikken florø"
            own_name = True
        if begin == ws and not own_name:
            return None
        if any(a in text[begin:we].lower() for a in _AGENCIES_LONG) or text[begin:we].lower() in _AGENCIES:
            return None
        return finding(begin, we, Label.ORG, 0.85, FAMILY, "clinic pattern", cues=(stem,))

    def _employers(self, scan: Scan) -> list[Finding]:
        """Employers, schools and clubs after a cue ("jobber i Equinor", "Arbeidsgiver: Veidekke");
        a lower-case name only when it ends the clause ("sykmeldt fra jobben i equinor.")."""
        out: list[Finding] = []
        lower, text = scan.lower, scan.text
        for cue in words.EMPLOYER_CUES:
            i = lower.find(cue)
            while i >= 0:
                m = _ORG_AFTER.match(text, i + len(cue)) if i == 0 or not lower[i - 1].isalpha() else None
                if m:
                    name = m.group(1)
                    ends_clause = m.end() >= len(text) or text[m.end()] in ".,;\n)" or \
                        text.startswith((" i ", " de ", " to ", " tre ", " fire ", " siste"), m.end())
                    if (name[0].isupper() or name[0].isdigit() or ends_clause) and \
                            name.lower() not in _AGENCIES and name not in _NON_NAME and \
                            name.lower() not in _NOT_EMPLOYERS:
                        out.append(finding(m.start(1), m.end(1), Label.ORG, 0.7, FAMILY,
                                           "employer/school after cue", cues=(cue,)))
                i = lower.find(cue, i + 1)
        return out


_PREPOSITIONS = frozenset({"i", "på", "til", "fra", "og", "ved", "hos", "med", "for", "om", "av"})
_NEXT_WORD = re.compile(r" ([^\W\d_][\wæøåÆØÅ\-]*)")
_ORG_AFTER = re.compile(rf"[ \t]*:?[ \t]*((?:[{letters.UPPER}0-9][\w&'\-]*|[^\W\d_][\w&'\-]*)"
                        rf"(?:[ ](?:[{letters.UPPER}][\w&'\-]*"
                        r"|\d+(?!\d)(?! ?(?:mnd|dag|uke|måned|år|time|t\b))"
                        r"|gruppen|hydro|vegvesen|as|asa|il|if|fk))*)")
_NOT_EMPLOYERS = frozenset({"en", "et", "ei", "butikk", "barnehage", "skole", "jobb", "jobben", "kontor",
                            "butikken", "helse", "fabrikk", "lager", "bygg", "oljen", "kommunen", "staten"})
