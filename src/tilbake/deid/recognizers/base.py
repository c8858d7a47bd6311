"""What every recognizer shares: findings, the per-text scan, and one combined scan of numbers.

Speed comes from scanning each text as few times as possible. Every family that starts at a digit
(identifiers, phones, dates, ages, postcodes, house numbers) registers regex *fragments* here; they are
joined into one alternation, guarded by a look-ahead on the first character so the regex engine skips
straight from digit to digit. Each match is handed to the handler of the fragment that matched. A
digit run no fragment claims goes to the *number handlers* (house numbers after a street name, a year
after a month, a number after a cue word).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tilbake.deid.spans import Label, Span


@dataclass(frozen=True, slots=True)
class Finding:
    """A span with the reasons it was found (for ``analyze``); never holds the matched text."""

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
    regex: str
    handler: Handler


_FRAGMENTS: list[_Fragment] = []
_NUMBER_HANDLERS: list[tuple[int, str, Handler]] = []
_MASTER: list[re.Pattern[str]] = []  # [compiled] once all families registered


def register_fragment(priority: int, family: str, name: str, regex: str, handler: Handler) -> None:
    """Add a digit-led pattern to the combined scan; lower priority is tried first at a position."""
    _FRAGMENTS.append(_Fragment(priority, family, name, regex, handler))
    _FRAGMENTS.sort(key=lambda f: f.priority)
    _MASTER.clear()


def register_number_handler(priority: int, family: str, handler: Handler) -> None:
    """Add a handler for digit runs that no fragment claimed."""
    _NUMBER_HANDLERS.append((priority, family, handler))
    _NUMBER_HANDLERS.sort(key=lambda h: h[0])


def _master() -> re.Pattern[str]:
    if not _MASTER:
        alternatives = "|".join(f"(?P<f{i}>{f.regex})" for i, f in enumerate(_FRAGMENTS))
        _MASTER.append(re.compile(rf"(?=[\d(+])(?:{alternatives}|(?P<num>\d+))"))
    return _MASTER[0]


_CAPWORD = re.compile(r"[A-ZÆØÅÉÜÖÄ][A-Za-zÆØÅæøåéèüöäáó'’\-]*")


@dataclass(slots=True)
class Scan:
    """One text and what the recognizers computed from it, each part at most once."""

    text: str
    _lower: str | None = None
    _numeric: dict[str, list[Finding]] | None = None
    _capwords: list[tuple[int, int, str]] | None = None
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def numeric(self, family: str) -> list[Finding]:
        """Findings of ``family`` from the combined number scan (run on first use)."""
        if self._numeric is None:
            self._numeric = _scan_numbers(self)
        return self._numeric.get(family, [])

    @property
    def capwords(self) -> list[tuple[int, int, str]]:
        """Capitalised words as ``(start, end, word)``."""
        if self._capwords is None:
            self._capwords = [(m.start(), m.end(), m.group()) for m in _CAPWORD.finditer(self.text)]
        return self._capwords

    def word_before(self, pos: int, n: int = 1) -> str:
        """The ``n`` lower-case words before ``pos`` (across spaces and newlines), joined by a space."""
        lower = self.lower
        end = pos
        while end > 0 and lower[end - 1] in " \t\n\r":
            end -= 1
        start = end
        for i in range(n):
            while start > 0 and lower[start - 1] not in " \t\n\r(":
                start -= 1
            if i < n - 1:
                while start > 0 and lower[start - 1] in " \t":
                    start -= 1
        return " ".join(lower[start:end].split())

    def window(self, pos: int, width: int = 40) -> str:
        """Lower-case text of the current line up to ``pos`` (at most ``width`` characters)."""
        start = max(0, pos - width)
        newline = self.lower.rfind("\n", start, pos)
        return self.lower[newline + 1 if newline >= 0 else start:pos]


def _scan_numbers(scan: Scan) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    text, master, pos = scan.text, _master(), 0
    while True:
        m = master.search(text, pos)
        if m is None:
            return out
        group = m.lastgroup
        finding: Finding | None = None
        family = ""
        if group is not None and group != "num":
            fragment = _FRAGMENTS[int(group[1:])]
            family = fragment.family
            finding = fragment.handler(scan, m.start(), m.end())
        if finding is not None:
            out.setdefault(family, []).append(finding)
            pos = m.end()
            continue
        # unclaimed: hand the first digit run to the number handlers, then go on after it
        start = m.start()
        if text[start] in "(+":
            pos = start + 1
            continue
        end = start
        while end < len(text) and text[end].isdigit():
            end += 1
        for _, family, handler in _NUMBER_HANDLERS:
            finding = handler(scan, start, end)
            if finding is not None:
                out.setdefault(family, []).append(finding)
                end = max(end, finding.span.end)
                break
        pos = end


class Recognizer:
    """Base of the rule-based detectors: subclasses implement :meth:`find` on a shared :class:`Scan`."""

    name = "recognizer"
    labels: tuple[Label, ...] = ()

    def find(self, scan: Scan) -> list[Finding]:
        raise NotImplementedError

    def detect(self, text: str) -> list[Span]:
        return [f.span for f in self.find(Scan(text))]

    def detect_many(self, texts: Iterable[str]) -> Iterator[list[Span]]:
        for text in texts:
            yield self.detect(text)


def finding(start: int, end: int, label: Label, score: float, source: str, pattern: str,
            check: str = "", cues: tuple[str, ...] = ()) -> Finding:
    return Finding(Span(start, end, label, score, source), pattern, check, cues)


def is_boundary(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not glued to letters or digits on either side."""
    return (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())


def has_cue(window: str, cues: tuple[str, ...]) -> str:
    """The first cue found in ``window`` at a word start (so compounds like "fødselsnummeret" count)."""
    for cue in cues:
        i = window.find(cue)
        while i >= 0:
            if i == 0 or not window[i - 1].isalpha():
                return cue
            if len(cue) >= 6:  # long cues also count inside a compound ("pasienttelefon")
                return cue
            i = window.find(cue, i + 1)
    return ""
