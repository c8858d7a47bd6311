"""What every recognizer shares: findings, the per-text scan, and one combined scan of numbers.

Speed comes from letting the regex engine do the filtering. Every family that starts at a digit,
a "+" or a "(" (identifiers, phones, dates, ages, postcodes, house numbers) registers a *fragment*:
the regex of what follows that first character. All fragments are joined into one pattern that
begins with the character class ``[0-9+(]``, so the engine jumps from digit to digit in C, and each
alternative is shaped so that it only matches a plausible candidate: doses, scores and years never
reach Python. Each match goes to the handler of the fragment that matched, which validates it
(checksums, calendars, context words) and returns a Finding or None.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Generic, NamedTuple, TypeVar

import ahocorasick_rs

from tilbake._version import __version__
from tilbake.deid.lang_nb import letters
from tilbake.deid.spans import Label, Range, Span

T = TypeVar("T")


class Finding(NamedTuple):
    """A span with the reasons it was found (for ``analyze``); never holds the matched text.
    (A named tuple: one is made per candidate, so it must be cheap.)"""

    span: Span
    pattern: str
    check: str = ""  # validation result, e.g. "mod11 ok", "no checksum, cue"
    cues: tuple[str, ...] = ()


Handler = Callable[["Scan", int, int], "Finding | None"]


@dataclass(slots=True)
class _Fragment:
    priority: int
    family: str
    name: str
    rest: str  # the regex of what follows the lead character
    handler: Handler
    lead: str  # "digit", "+" or "("


_FRAGMENTS: Final[list[_Fragment]] = []
_MASTER: Final[list[re.Pattern[str]]] = []
_BY_GROUP: Final[dict[str, tuple[str, Handler]]] = {}  # regex group name -> (family, handler)
# regex group name -> the next fragment of the same lead (None after the last), and from each fragment
# on, its rest regex and those of the later fragments of its lead as one alternation (tagged as in
# the master regex): a refused candidate's fallback is one match, not one per later fragment
_NEXT: Final[dict[str, str | None]] = {}
_FROM: Final[dict[str, re.Pattern[str]]] = {}


def register_fragment(priority: int, family: str, name: str, rest: str, handler: Handler, *,
                      lead: str = "digit") -> None:
    """Add a candidate shape to the number scan: ``rest`` is the regex after the first character
    (a digit, "+" or "("); lower priority is tried first at a position. The handler gets the
    offsets of the whole match, lead character included."""
    if lead not in ("digit", "+", "("):
        raise ValueError(f"lead must be 'digit', '+' or '(', got {lead!r}")
    _FRAGMENTS.append(_Fragment(priority, family, name, rest, handler, lead))
    _FRAGMENTS.sort(key=lambda f: f.priority)
    _MASTER.clear()


def after_words(words: Iterable[str]) -> str:
    """A regex that holds right after the first digit of a number preceded by one of ``words`` and a
    space ("Storgata 12", "mars 2026"): fixed-width look-behinds, grouped by the word's last letter
    so most numbers are dismissed by one check."""
    groups: dict[str, list[str]] = defaultdict(list)
    for w in sorted(set(words), key=len, reverse=True):
        groups[w[-1]].append(w)
    # one class test of the letter before the space first: most numbers fail it and skip the groups
    last_letters = re.escape("".join(sorted(groups)))
    return f"(?<=[{last_letters}] \\d)(?:" + "|".join(
        f"(?<={re.escape(last)} \\d)(?:" + "|".join(f"(?<={re.escape(w)} \\d)" for w in ws) + ")"
        for last, ws in groups.items()) + ")"


def ascii_digits(pattern: str) -> str:
    """``pattern`` with every ``\\d`` as ``[0-9]`` (``0-9`` inside a class): a str pattern's ``\\d``
    asks the Unicode database about each character, an ASCII range is one comparison (10 % of the
    number scan). The scan starts at an ASCII digit anyway; other scripts' digits never were numbers
    to the handlers."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            pair = pattern[i:i + 2]
            out.append(("0-9" if in_class else "[0-9]") if pair == "\\d" else pair)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            j += pattern[j:j + 1] == "]"  # a "]" first in a class is a literal
            out.append(pattern[i:j])
            i = j
            continue
        if c == "]":
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


def _master() -> re.Pattern[str]:
    if not _MASTER:
        # each alternative is tagged by an empty group at its end (m.lastgroup names it), so that
        # the alternative itself starts with its first character test, which the engine checks
        # before entering it; digits first: they are nearly all the leads
        branches = {lead: "|".join(f"(?:{f.rest})(?P<f{i}>)"
                                   for i, f in enumerate(_FRAGMENTS) if f.lead == lead)
                    for lead in ("digit", "+", "(")}
        alternatives = [f"(?<={re.escape(lead) if lead != 'digit' else chr(92) + 'd'})(?:{body})"
                        for lead, body in branches.items() if body]
        # first character class outside any group, so the engine searches for it in C;
        # (?<!\d\d): never start inside a run of digits
        # ([0-9] rather than \d: an ASCII range lets the engine's fast search skip text quicker)
        _MASTER.append(re.compile(ascii_digits(r"[0-9+(](?<![0-9][0-9])(?:" + "|".join(alternatives) + ")")))
        _BY_GROUP.clear()
        _BY_GROUP.update({f"f{i}": (f.family, f.handler) for i, f in enumerate(_FRAGMENTS)})
        _NEXT.clear()
        _FROM.clear()
        for lead in ("digit", "+", "("):
            order = [i for i, f in enumerate(_FRAGMENTS) if f.lead == lead]
            for k, i in enumerate(order):
                _NEXT[f"f{i}"] = f"f{order[k + 1]}" if k + 1 < len(order) else None
                _FROM[f"f{i}"] = re.compile(ascii_digits("|".join(f"(?:{_FRAGMENTS[j].rest})(?P<f{j}>)"
                                                                  for j in order[k:])))
    return _MASTER[0]


class Needles(Generic[T]):
    """Exact strings, each with a value, found in one Aho-Corasick pass (ahocorasick_rs's DFA): every
    occurrence, overlapping ones too, as ``(offset of its last character, value)``, by that offset,
    the longest first where several end together."""

    def __init__(self, values: Mapping[str, T]) -> None:
        self._values = list(values.values())
        dfa = ahocorasick_rs.Implementation.DFA  # 3x faster per character than an NFA here
        self._str = ahocorasick_rs.AhoCorasick(list(values), implementation=dfa)
        # on bytes ahocorasick_rs gives byte offsets: for latin-1 (nearly every Norwegian note) those
        # are the character offsets, and the encoding is a copy instead of a UTF-8 round trip
        try:
            in_latin1 = [key.encode("latin-1") for key in values]
            self._latin1: Any = ahocorasick_rs.BytesAhoCorasick(in_latin1, implementation=dfa)
        except UnicodeEncodeError:
            self._latin1 = None

    def find(self, text: str) -> list[tuple[int, T]]:
        try:
            data = text.encode("latin-1") if self._latin1 is not None else None
        except UnicodeEncodeError:
            data = None
        hits: list[tuple[int, int, int]]
        if data is not None:
            hits = self._latin1.find_matches_as_indexes(data, overlapping=True)
        else:  # letters beyond latin-1 ("Jabłoński"); a lone surrogate (from a broken JSON escape)
            # cannot go to the automaton and gets a stand-in, offsets kept
            hits = self._str.find_matches_as_indexes(letters.without_surrogates(text), overlapping=True)
        if len(hits) > 1:
            hits.sort(key=_by_end_longest)
        values = self._values
        return [(end - 1, values[i]) for i, _, end in hits]


def _by_end_longest(hit: tuple[int, int, int]) -> tuple[int, int]:
    return hit[2], hit[1]


_LITERALS: Final[set[str]] = set()
_AUTOMATON: Final[list[Needles[str]]] = []  # built on first use


def register_literals(needles: Iterable[str]) -> None:
    """Add exact strings (case as written) to the one Aho-Corasick pass that every recognizer shares
    (:attr:`Scan.literals`): one pass over the text costs less than a ``str.find`` per string."""
    _LITERALS.update(needles)
    _AUTOMATON.clear()


def _literal_hits(text: str) -> list[tuple[int, str]]:
    if not _LITERALS:
        return []
    if not _AUTOMATON:
        _AUTOMATON.append(Needles({needle: needle for needle in sorted(_LITERALS)}))
    return _AUTOMATON[0].find(text)


_CAPWORD: Final = re.compile(letters.CAPWORD)  # any Latin capital: "Jabłoński", "Þórdís"


class Scan:
    """One text and what the recognizers computed from it, each part at most once.

    (A plain class, not a dataclass: compiled, it becomes a native class whose fields the handlers
    read directly.)"""

    __slots__ = ("text", "_lower", "_numeric", "_capwords", "_literals", "_needles", "_before")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None
        self._numeric: dict[str, list[Finding]] | None = None
        self._capwords: list[tuple[int, int, str]] | None = None
        self._literals: list[tuple[int, str]] | None = None
        self._needles: frozenset[str] | None = None
        self._before: dict[tuple[int, int], str] = {}

    def __repr__(self) -> str:
        return f"Scan(<{len(self.text)} characters>)"  # never the text

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def numeric(self, family: str) -> list[Finding]:
        """Findings of ``family`` from the shared number scan (run on first use)."""
        if self._numeric is None:
            self._numeric = _scan_numbers(self)
        return self._numeric.get(family, [])

    @property
    def literals(self) -> list[tuple[int, str]]:
        """Every occurrence of a registered literal (:func:`register_literals`) as ``(last, needle)``,
        ``last`` the offset of its last character; by ``last``, the longest first where several end
        at one offset."""
        if self._literals is None:
            self._literals = _literal_hits(self.text)
        return self._literals

    def has_literal(self, needles: frozenset[str]) -> bool:
        """Whether any of ``needles`` (registered literals) occurs in the text."""
        if self._needles is None:
            self._needles = frozenset(needle for _, needle in self.literals)
        return not needles.isdisjoint(self._needles)

    @property
    def capwords(self) -> list[tuple[int, int, str]]:
        """Capitalised words as ``(start, end, word)``."""
        if self._capwords is None:
            self._capwords = [(m.start(), m.end(), m.group()) for m in _CAPWORD.finditer(self.text)]
        return self._capwords

    def word_before(self, pos: int, n: int = 1) -> str:
        """The ``n`` lower-case words before ``pos`` (across spaces and newlines), joined by a space."""
        # cached: the name rules ask about the same position again and again (half of all calls)
        found = self._before.get((pos, n))
        if found is None:
            found = self._before[pos, n] = " ".join(self._last_words(pos, n)[-n:]).lower()
        return found

    def words_before(self, pos: int) -> tuple[str, str]:
        """``(word_before(pos), word_before(pos, 2))`` from one split of the text."""
        before = self._before
        two = before.get((pos, 2))
        if two is None:
            words = self._last_words(pos, 2)
            two = before[pos, 2] = " ".join(words[-2:]).lower()
            if (pos, 1) not in before:
                before[pos, 1] = words[-1].lower() if words else ""
        return self.word_before(pos), two

    def _last_words(self, pos: int, n: int) -> list[str]:
        # rsplit keeps the last n words apart from the rest, and only they are lower-cased
        return self.text[max(0, pos - 48):pos].replace("(", " ").rsplit(None, n)

    def window(self, pos: int, width: int = 40) -> str:
        """Lower-case text of the current line up to ``pos`` (at most ``width`` characters)."""
        start = max(0, pos - width)
        newline = self.text.rfind("\n", start, pos)
        return self.text[newline + 1 if newline >= 0 else start:pos].lower()


def _fallback(scan: Scan, group: str, start: int) -> tuple[str, Finding | None, int]:
    """The first later shape that fits at ``start`` and whose handler accepts it."""
    later = _NEXT[group]
    while later is not None:
        m = _FROM[later].match(scan.text, start + 1)  # the first later shape that fits here
        if m is None:
            break
        group = m.lastgroup  # type: ignore[assignment]
        family, handler = _BY_GROUP[group]
        if (found := handler(scan, start, m.end())) is not None:
            return family, found, m.end()
        later = _NEXT[group]
    return "", None, start


def _scan_numbers(scan: Scan) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    text, search, pos = scan.text, _master().search, 0
    by_group = _BY_GROUP
    while (m := search(text, pos)) is not None:
        family, handler = by_group[m.lastgroup]  # type: ignore[index]
        start, end = m.span()
        found = handler(scan, start, end)
        if found is None:
            # the regex stops at the first shape that fits; when its handler refuses ("2022 har" is
            # no postcode + place), the later shapes that fit here get their turn ("mai 2022")
            family, found, end = _fallback(scan, m.lastgroup, start)  # type: ignore[arg-type]
            if found is None:
                pos = start + 1
                continue
        if family in out:
            out[family].append(found)
        else:
            out[family] = [found]
        pos = found.span.end if found.span.end > end else end
    return out


class Recognizer:
    """Base of the rule-based detectors: subclasses implement :meth:`find` on a shared :class:`Scan`."""

    name = "recognizer"
    version = f"tilbake-rules {__version__}"  # the rules ship with the package: its version is theirs
    labels: tuple[Label, ...] = ()

    def find(self, scan: Scan) -> list[Finding]:
        raise NotImplementedError

    def detect(self, text: str) -> list[Span]:
        return [f.span for f in self.find(Scan(text))]

    def detect_many(self, texts: Iterable[str],
                    explained: Iterable[Sequence[Range]] | None = None) -> Iterator[list[Span]]:
        """Spans per text; ``explained`` is ignored (patterns are cheap: they read every text whole)."""
        for text in texts:
            yield self.detect(text)


_new = object.__new__
_SET_START, _SET_END, _SET_LABEL, _SET_SCORE, _SET_SOURCE = (
    vars(Span)[name].__set__ for name in ("start", "end", "label", "score", "source"))


def new_span(start: int, end: int, label: Label, score: float, source: str) -> Span:
    """``Span(start, end, label, score, source)`` at half the cost, for the recognizers' hot loops: the
    same checks, then the slots filled directly instead of through the frozen dataclass's ``__init__``
    (here rather than in spans.py: this module is compiled, spans.py cannot be, being a frozen
    dataclass)."""
    if not (0 <= start < end and 0.0 <= score <= 1.0):
        return Span(start, end, label, score, source)  # raises the usual error
    span: Span = _new(Span)
    _SET_START(span, start)
    _SET_END(span, end)
    _SET_LABEL(span, label)
    _SET_SCORE(span, score)
    _SET_SOURCE(span, source)
    return span


def finding(start: int, end: int, label: Label, score: float, source: str, pattern: str,
            check: str = "", cues: tuple[str, ...] = ()) -> Finding:
    # tuple.__new__ skips the named tuple's own __new__ (one fewer Python call per candidate)
    return _new_finding(Finding, (new_span(start, end, label, score, source), pattern, check, cues))


_new_finding = tuple.__new__


def is_boundary(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not glued to letters or digits on either side."""
    return (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())


_CUE_PATTERNS: Final[dict[tuple[str, ...], re.Pattern[str]]] = {}
# the same, by the tuple's identity: the cue lists are constants, and hashing a tuple of 20 strings
# on every call costs more than the lookup (the entry keeps its tuple alive, so the id stays its own)
_CUE_BY_ID: Final[dict[int, tuple[tuple[str, ...], re.Pattern[str]]]] = {}


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Longest cue first; a short cue (under 6 letters) must start a word. Every alternative begins
    with a literal character (the short cues' word-start test sits after their first letter), so the
    regex engine can skip in C to the positions where some cue could start."""
    known = _CUE_BY_ID.get(id(cues))
    if known is not None and known[0] is cues:
        return known[1]
    pattern = _CUE_PATTERNS.get(cues)
    if pattern is None:
        alternatives = [re.escape(c) if len(c) >= 6 else
                        f"{re.escape(c[0])}(?<![a-zæøå]{re.escape(c[0])}){re.escape(c[1:])}"
                        for c in sorted(cues, key=len, reverse=True)]
        pattern = _CUE_PATTERNS[cues] = re.compile("|".join(alternatives))
    if len(_CUE_BY_ID) > 256:  # cue tuples built on the fly: do not grow without bound
        _CUE_BY_ID.clear()
    _CUE_BY_ID[id(cues)] = (cues, pattern)
    return pattern


def cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    """The regex behind :func:`has_cue` and :func:`any_cue`, for callers in a hot loop."""
    return _cue_pattern(cues)


def has_cue(window: str, cues: tuple[str, ...]) -> str:
    """The last cue in ``window`` that starts a word, or (if 6+ letters long) sits inside a compound
    ("fødselsnummeret", "pasienttelefon"); "" when there is none."""
    found = _cue_pattern(cues).findall(window)
    return str(found[-1]) if found else ""


def any_cue(window: str, cues: tuple[str, ...]) -> bool:
    """Whether ``window`` holds a cue at all (as :func:`has_cue`, without looking for the last one)."""
    return _cue_pattern(cues).search(window) is not None
