"""The Deidentifier: runs every registered detector over a text and returns one clean set of spans.

    detectors (rule recognizers share one Scan; others, e.g. the NER model, run batched)
      -> user rules (deny list, context words)  -> name propagation
      -> allow list and built-in never-PHI words -> overlap resolution -> score threshold

``Deidentifier.default()`` builds the rule-based recognizers; the shipped NER model is added with
``model=True`` (or ``add(detector)`` for any object with the Detector protocol). ``provenance()``
names the versions of everything that found the spans (an export's manifest records it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from operator import itemgetter
from typing import Final

from tilbake._version import __version__
from tilbake.deid.detect.lookalikes import lookalike
from tilbake.deid.detect.name_words import not_phi
from tilbake.deid.detect.overlap import propagate_names, resolve_overlaps
from tilbake.deid.detect.recognizers import Finding, Recognizer, Scan, rule_recognizers
from tilbake.deid.detect.recognizers.addresses import not_a_place
from tilbake.deid.detect.rules import Rules
from tilbake.deid.lang_nb import words
from tilbake.deid.spans import Detector, Label, Range, Span

_WORDY: Final = frozenset({Label.PERSON, Label.ORG, Label.LOCATION})
_JUDGED: Final = _WORDY | {Label.PHONE}  # labels whose spans the text around them can clear
#: words that are never PHI whatever found them (agencies, eponyms, drug brands, "Rødt" flagg)
NEVER_PHI: Final = frozenset(w.lower() for w in (*words.AGENCIES, *words.EPONYMS, *words.DRUG_BRANDS,
                                                 *words.CLINICAL_CAPWORDS))


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a candidate span was kept or dropped (for ``analyze`` and ``tilbake deid explain``)."""

    span: Span
    source: str
    pattern: str
    check: str
    cues: tuple[str, ...]
    decision: str  # "kept", "overlap", "allow list", "never PHI" (": eponym" ...), "below threshold"

    def as_dict(self) -> dict[str, object]:
        return {**self.span.as_dict(), "source": self.source, "pattern": self.pattern, "check": self.check,
                "cues": list(self.cues), "decision": self.decision}


#: texts longer than this are read in windows of this many characters, overlapping by WINDOW_OVERLAP:
#: no recognizer looks further than half the overlap, so a span near a window's edge is found whole in
#: the window that owns it. (spaCy refuses texts over 1,000,000 characters; a window never is one.)
WINDOW_CHARS: Final = 20_000
WINDOW_OVERLAP: Final = 2_000


def _to_space(text: str, i: int, limit: int) -> int:
    """The position after the first blank at or after ``i`` (within ``limit`` characters), else ``i``."""
    for j in range(i, min(len(text), i + limit)):
        if text[j].isspace():
            return j + 1
    return i


def windows_of(text: str) -> Iterator[tuple[int, int, int, int]]:
    """``(start, end, own_from, own_to)`` per window: windows start after a blank; each owns the span
    starts from the middle of the overlap with the previous window to the middle of the next one."""
    step = WINDOW_CHARS - WINDOW_OVERLAP
    starts = [0]
    while starts[-1] + WINDOW_CHARS < len(text):
        starts.append(_to_space(text, starts[-1] + step, WINDOW_OVERLAP // 4))
    ends = [min(len(text), s + WINDOW_CHARS) for s in starts]
    cuts = [0] + [(starts[i + 1] + ends[i]) // 2 for i in range(len(starts) - 1)] + [len(text)]
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        yield start, end, cuts[i], cuts[i + 1]


class Deidentifier:
    """Finds PHI spans with every registered detector and user rules; see the module docstring."""

    name = "deidentifier"
    version = f"tilbake-deid {__version__}"

    def __init__(self, detectors: Iterable[Detector] = (), rules: Rules | None = None, *,
                 propagate: bool = True, min_score: float = 0.5) -> None:
        self._recognizers: list[Recognizer] = []
        self._others: list[Detector] = []
        self.rules = rules or Rules()
        self.propagate = propagate
        self.min_score = min_score
        for detector in detectors:
            self.add(detector)

    @classmethod
    def default(cls, rules: Rules | None = None, *, model: bool = False) -> Deidentifier:
        """The rule-based recognizers, plus the shipped NER model when ``model`` is true.

        The model is loaded here, explicitly and once (never in a constructor): ``tilbake.deid.detect.ner``
        must provide ``load_detector() -> Detector`` and raises ModelError when no model is shipped.
        """
        engine = cls(rule_recognizers(), rules)
        if model:
            from tilbake.deid.detect import ner  # type: ignore[attr-defined,unused-ignore]

            engine.add(ner.load_detector())
        return engine

    def add(self, detector: Detector) -> None:
        """Register one more detector (rule recognizer, model, ...)."""
        if isinstance(detector, Recognizer):
            self._recognizers.append(detector)
        else:
            self._others.append(detector)

    @property
    def detectors(self) -> list[Detector]:
        return [*self._recognizers, *self._others]

    def provenance(self) -> dict[str, str]:
        """What found the spans: the engine and its detectors, the user rules, the model(s)."""
        names = ", ".join(sorted(d.name for d in self.detectors))
        return {
            "detector": f"{self.version} ({names})",
            "rules": self.rules.version,
            "model": "; ".join(d.version for d in self._others) or "none",
        }

    def detect(self, text: str) -> list[Span]:
        return next(self.detect_many([text]))

    def detect_many(self, texts: Iterable[str], explained: Iterable[Sequence[Range]] | None = None, *,
                    batch_size: int = 64) -> Iterator[list[Span]]:
        """Spans per text, in order; other detectors (the model) see the texts in batches.

        ``explained`` (optional, one list of character ranges per text): text the caller wrote itself,
        such as the tags of an anonymized text. Its words wake no model (as if a rule had found them);
        spans over it are still returned, the caller discards them.
        """
        iterator = iter(texts)
        hints = iter(explained) if explained is not None else None
        while batch := list(islice(iterator, batch_size)):
            extra = [list(next(hints)) for _ in batch] if hints is not None else None
            short = [i for i, text in enumerate(batch) if len(text) <= WINDOW_CHARS]
            found = iter(self._candidates([batch[i] for i in short],
                                          None if extra is None else [extra[i] for i in short]))
            for i, text in enumerate(batch):
                if len(text) <= WINDOW_CHARS:
                    yield self._final(text, next(found))
                else:
                    yield self._final_long(text, None if extra is None else extra[i])

    def _final_long(self, text: str, known: list[Range] | None) -> list[Span]:
        """A long text in overlapping windows, one at a time (memory stays flat whatever the length).
        Each window contributes the spans that start in the part it owns, which lies at least half an
        overlap away from its edges; names then propagate over the whole text, as for a short one."""
        keep: list[Span] = []
        for start, end, own_from, own_to in windows_of(text):
            piece = text[start:end]
            hint = None if known is None else [[(max(a, start) - start, min(b, end) - start)
                                                 for a, b in known if a < end and b > start]]
            (found,) = self._candidates([piece], hint)
            keep.extend(replace(s, start=s.start + start, end=s.end + start)
                        for s in self._kept(piece, map(_SPAN, found)) if own_from <= s.start + start < own_to)
        if self.propagate:
            keep.extend(self._kept(text, propagate_names(text, keep)))
        return resolve_overlaps(keep, text)

    def analyze(self, text: str) -> list[Explanation]:  # (for one note: no windows)
        """Every candidate span with its reasons and what became of it."""
        return self._decide(text, next(iter(self._candidates([text]))))

    def _candidates(self, batch: list[str],
                    known: list[list[Range]] | None = None) -> Iterator[list[Finding]]:
        rule_found = [self._rule_findings(text) for text in batch]
        model_spans = self._model_spans(batch, rule_found, known) if self._others else []
        user_rules = bool(self.rules.deny or self.rules.context)
        for i, text in enumerate(batch):
            found = rule_found[i]
            for spans in model_spans:
                found.extend(Finding(s, "model") for s in spans[i])
            if user_rules:
                found.extend(Finding(s, "deny list") for s in self.rules.deny_spans(text))
                found.extend(Finding(s, "context rule") for s in self.rules.context_spans(text))
            yield found

    def _model_spans(self, batch: list[str], rule_found: list[list[Finding]],
                     known: list[list[Range]] | None = None) -> list[list[list[Span]]]:
        """Spans of the other detectors per detector and text; they may skip what the rules already
        explained and the caller's ``known`` ranges."""
        explained = [[(f.span.start, f.span.end) for f in found if f.span.score >= self.min_score]
                     for found in rule_found]
        if known is not None:
            for ranges, more in zip(explained, known, strict=True):
                ranges.extend(more)
        return [list(d.detect_many(batch, explained)) for d in self._others]

    def _rule_findings(self, text: str) -> list[Finding]:
        scan = Scan(text)  # one scan shared by every recognizer: the number scan runs once
        return [f for r in self._recognizers for f in r.find(scan)]

    def _verdict(self, text: str, span: Span) -> str:
        if self.rules.allow and self.rules.allowed(text, span):
            return "allow list"
        if span.label in _WORDY and span.source != "rules:deny":
            if _never_phi(text, span):
                return "never PHI"
            reason = not_phi(text, span) or lookalike(text, span)  # ``name_words``, ``lookalikes``
            if reason:
                return f"never PHI: {reason}"
            if span.label == Label.LOCATION and not_a_place(text, span.start, span.end):
                return "never PHI"  # countries, drugs before a dose, stray lower-case words (addresses.py)
        elif span.label == Label.PHONE and span.source != "rules:deny" and lookalike(text, span):
            return "never PHI: service number"  # a public line's own number ("Giftinformasjonen 22 ...")
        return "below threshold" if span.score < self.min_score else "kept"

    def _kept(self, text: str, spans: Iterable[Span]) -> list[Span]:
        """The spans whose verdict is "kept". Without an allow list only the wordy labels need the
        text (never-PHI words), so the rest is a plain threshold (this runs for every candidate)."""
        if self.rules.allow:
            return [s for s in spans if self._verdict(text, s) == "kept"]
        min_score = self.min_score
        return [s for s in spans
                if s.score >= min_score and (s.label not in _JUDGED or self._verdict(text, s) == "kept")]

    def _final(self, text: str, found: list[Finding]) -> list[Span]:
        keep = self._kept(text, map(_SPAN, found))
        if self.propagate:
            keep.extend(self._kept(text, propagate_names(text, keep)))
        return resolve_overlaps(keep, text)

    def _decide(self, text: str, found: list[Finding]) -> list[Explanation]:
        out: list[Explanation] = []
        keep: list[Finding] = []
        for f in found:
            verdict = self._verdict(text, f.span)
            if verdict == "kept":
                keep.append(f)
            else:
                out.append(_explain(f, verdict))
        if self.propagate:
            spans = [f.span for f in keep]
            keep.extend(Finding(s, "name propagation") for s in propagate_names(text, spans)
                        if self._verdict(text, s) == "kept")
        final = set(resolve_overlaps((f.span for f in keep), text))
        covered = {(s.start, s.end, s.label) for s in final}
        for f in keep:
            out.append(_explain(f, "kept" if f.span in final else "overlap"))
        # merged spans (unions) are new: report them as kept under the merged source
        known = {(e.span.start, e.span.end, e.span.label) for e in out if e.decision == "kept"}
        for s in final:
            if (s.start, s.end, s.label) not in known:
                out.append(Explanation(s, s.source, "merged", "", (), "kept"))
        out = [e for e in out if e.decision != "kept" or (e.span.start, e.span.end, e.span.label) in covered]
        return _dedupe_kept(sorted(out, key=lambda e: (e.span.start, e.span.end)))


_AGENCY_PHRASES: Final = tuple(a.lower() for a in words.AGENCIES if " " in a)
_AGENCY_HEADS: Final = frozenset(a[:4] for a in _AGENCY_PHRASES)


def _never_phi(text: str, span: Span) -> bool:
    """A never-PHI word (also in the genitive, "Helsedirektoratets"), or a span inside an agency's
    name of several words ("Statens" of "Statens vegvesen", "Mental Helse")."""
    low = text[span.start:span.end].strip().lower()
    if low in NEVER_PHI or (low.endswith("s") and low[:-1] in NEVER_PHI):
        return True
    # (str.lower maps character by character, so the head's first four letters are those of the
    # first four characters lowered: most candidates start no phrase, and this runs for every one)
    if text[span.start:span.start + 4].lower()[:4] not in _AGENCY_HEADS:
        return False
    head = text[span.start:span.start + 40].lower()
    return any(head.startswith(a) and span.end - span.start <= len(a) + 1 for a in _AGENCY_PHRASES)


_SPAN: Final = itemgetter(0)  # Finding.span, in C


def _explain(f: Finding, decision: str) -> Explanation:
    return Explanation(f.span, f.span.source, f.pattern, f.check, f.cues, decision)


def _dedupe_kept(explanations: list[Explanation]) -> list[Explanation]:
    """One kept explanation per final span (two detectors may agree on the same range)."""
    seen: set[tuple[int, int, Label]] = set()
    out: list[Explanation] = []
    for e in explanations:
        key = (e.span.start, e.span.end, e.span.label)
        if e.decision == "kept":
            if key in seen:
                continue
            seen.add(key)
        out.append(e)
    return out
