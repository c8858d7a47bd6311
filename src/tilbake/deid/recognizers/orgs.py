"""Organisations: hospitals from a gazetteer with their short names (Ahus, Riksen, SUS), clinics by
pattern ("Majorstua legesenter", "Sentrum Kiropraktorklinikk"), and employers, schools and clubs
after cues ("jobber på Rema 1000"). National agencies (NAV, HELFO) are never flagged.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import ahocorasick

from tilbake.deid.lang_nb import orgs, words
from tilbake.deid.recognizers.base import Finding, Recognizer, Scan, finding, is_boundary
from tilbake.deid.spans import Label

FAMILY = "orgs"
_CLINIC_STEMS = ("legesenter", "legekontor", "helsesenter", "fysioterapi", "kiropraktikk", "kiropraktorkl",
                 "kiropraktorsenter", "kiropraktorkontor", "klinikk", "tannlege", "tannklinikk", "helsestasjon",
                 "sykehjem", "legevakt", "rehabiliteringssenter", "treningssenter", "helsehus", "sykehus",
                 "sjukehus", "hospital", "medisinske senter", "skole", "barnehage", "idrettslag", "røntgen",
                 "apotek", "bedriftshelsetjeneste", "omsorgssenter", "dps")
_AGENCIES = frozenset(w.lower() for w in words.AGENCIES)
_NON_NAME = frozenset(words.NON_NAME_CAPWORDS)


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
            if end < len(text) and text[end] in "s'’" and (end + 1 == len(text) or not text[end + 1].isalnum()):
                end += 1  # genitive: "Ahus' akuttmottak", "Haukelands"
            if not is_boundary(text, start, end) or (exact and text[start:start + length] != exact):
                continue
            out.append(finding(start, end, Label.ORG, 0.9, FAMILY, "hospital (gazetteer)"))
        return out

    def _clinics(self, scan: Scan) -> list[Finding]:
        out: list[Finding] = []
        lower, text = scan.lower, scan.text
        for stem in _CLINIC_STEMS:
            i = lower.find(stem)
            while i >= 0:
                hit = self._clinic_at(scan, i, stem)
                if hit is not None and not any(h.span.start == hit.span.start for h in out):
                    out.append(hit)
                i = lower.find(stem, i + len(stem))
        del text
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
            if not w or not (w[0].isupper() or w[0].isdigit()) or w in _NON_NAME:
                break
            begin = s
        own_name = text[ws].isupper() and ws < i  # "Sentrumklinikken", "Bislettklinikken"
        if begin == ws and not own_name:
            return None
        if text[begin:we].lower() in _AGENCIES:
            return None
        return finding(begin, we, Label.ORG, 0.85, FAMILY, "clinic pattern", cues=(stem,))

    def _employers(self, scan: Scan) -> list[Finding]:
        out: list[Finding] = []
        lower, text = scan.lower, scan.text
        for cue in words.EMPLOYER_CUES:
            i = lower.find(cue)
            while i >= 0:
                j = i + len(cue) + 1
                if j < len(text) and text[j].isupper() and (i == 0 or not lower[i - 1].isalpha()):
                    end = j
                    while end < len(text) and (text[end].isalnum() or text[end] in "-&'" or (
                            text[end] == " " and end + 1 < len(text) and (text[end + 1].isupper()
                                                                           or text[end + 1].isdigit()))):
                        end += 1
                    if text[j:end].lower() not in _AGENCIES and text[j:end] not in _NON_NAME:
                        out.append(finding(j, end, Label.ORG, 0.7, FAMILY, "employer/school after cue",
                                           cues=(cue,)))
                i = lower.find(cue, i + 1)
        return out
