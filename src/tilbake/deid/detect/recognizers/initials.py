"""Staff initials that sign an entry: "/mhs", "-ms", "ak/js", "Ref. hj", "… drikkeliste. IMK", "HB" on a
line of its own. Shift reports and ward notes sign every entry this way, and initials identify staff.

The place, not the letters, makes them initials: at the end of a line, after a sign-off mark ("/", "-",
"Ref.", "Sign.") or alone after a sentence or on a line of their own. The letters must not be a word
that ends lines itself ("ok", "ua", "mvh"), a clinical or agency acronym ("EKG", "NAV"), or, in lower
case without a mark, an everyday bokmål word (wordfreq).
"""

from __future__ import annotations

import re
from typing import Final

from tilbake.deid.detect.name_words import zipf
from tilbake.deid.detect.recognizers.base import Finding, Recognizer, Scan, finding
from tilbake.deid.lang_nb import words
from tilbake.deid.spans import Label

FAMILY = "initials"
_LETTERS = r"[A-ZÆØÅ]{2,4}|[a-zæøå]{2,4}"
# (mark)(initials, or a pair "ak/js")(end of the line, or a comma and the rest of a signature line)
_SIGNED: Final = re.compile(
    rf"(?:(?<=\s)|^)(?P<mark>[/\-–] ?|(?:[Rr]ef|[Ss]ign)\.?:? )"
    rf"(?P<who>(?:{_LETTERS})(?: ?/ ?(?:{_LETTERS}))?)"
    r"(?=[ \t]*(?:,[^\n]{0,60})?$)", re.MULTILINE)
_ALONE: Final = re.compile(
    rf"(?:^|(?<=[.!?] ))[ \t]*(?P<who>(?:{_LETTERS})(?: ?/ ?(?:{_LETTERS}))?)(?=[ \t]*$)", re.MULTILINE)
_EVERYDAY: Final = 4.0  # zipf: "ak", "sg", "hj" are rarer; "ja", "nei", "her" are not


def _plausible(who: str, marked: bool) -> bool:
    parts = [p.strip() for p in who.split("/")]
    if any(p in words.LINE_END_ACRONYMS if p.isupper() else p in words.LINE_END_WORDS for p in parts):
        return False
    if marked or len(parts) > 1 or parts[0].isupper():
        return True
    return len(parts[0]) <= 3 and zipf(parts[0]) < _EVERYDAY


class InitialsRecognizer(Recognizer):
    name = FAMILY
    labels: tuple[Label, ...] = (Label.PERSON,)

    def find(self, scan: Scan) -> list[Finding]:
        """Each line's end is tried (a short window before it), not every position of the text."""
        text = scan.text
        out: list[Finding] = []
        start, n = 0, len(text)
        while start <= n:
            stop = text.find("\n", start)
            stop = n if stop < 0 else stop
            end = stop
            while end > start and text[end - 1] in " \t":
                end -= 1
            if end > start and text[end - 1].isalpha():
                for pattern, window, marked, why in _SHAPES:
                    m = pattern.search(text, max(start, end - window), end)
                    if m is not None and _plausible(m.group("who"), marked):
                        out.append(finding(m.start("who"), m.end("who"), Label.PERSON, 0.7, FAMILY, why))
                        break
            start = stop + 1
        return out


_SHAPES: Final = ((_SIGNED, 90, True, "initials after a sign-off mark"),
                  (_ALONE, 16, False, "initials closing an entry"))
