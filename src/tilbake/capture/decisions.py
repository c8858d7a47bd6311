"""The decision class of a clinician's reaction to a suggestion, derived when the app sends none.

Classes: `accepted_as_is`, `minor_edit`, `major_edit`, `rejected`, `ignored`.

Rule when `correction_type` is not sent:

1. `accepted` is false                        -> `rejected` (a rewrite the clinician typed stays stored
                                                 as `user_correction`; it is the preferred answer)
2. no `user_correction` (absent or blank):     `accepted` true -> `accepted_as_is`; absent -> `ignored`
3. otherwise the edit decides. Both texts are split into tokens (runs of letters/digits, and each
   punctuation mark on its own; case matters, whitespace does not) and
       edit_ratio = word-level Levenshtein distance / max(token count of the two texts)
   edit_ratio == 0            -> `accepted_as_is` (only whitespace changed)
   0 < edit_ratio <= 0.30     -> `minor_edit`     (e.g. up to 3 of 10 words changed)
   edit_ratio >  0.30         -> `major_edit`

Sent values are checked against the five classes; the first client's legacy values are mapped:
`modified`/`edited` -> the edit decides (`minor_edit` at least), `minor` -> `minor_edit`,
`major` -> `major_edit`, `none` -> `rejected` when `accepted` is false, else `accepted_as_is`,
`accepted` -> `accepted_as_is`, `dismissed`/`skipped` -> `ignored`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from tilbake.errors import ValidationError

ACCEPTED_AS_IS = "accepted_as_is"
MINOR_EDIT = "minor_edit"
MAJOR_EDIT = "major_edit"
REJECTED = "rejected"
IGNORED = "ignored"
CORRECTION_TYPES = (ACCEPTED_AS_IS, MINOR_EDIT, MAJOR_EDIT, REJECTED, IGNORED)
USED = frozenset({ACCEPTED_AS_IS, MINOR_EDIT, MAJOR_EDIT})  # the suggestion went into the record
EDITS = (MINOR_EDIT, MAJOR_EDIT)  # the clinician's text differs from the suggestion

MINOR_EDIT_MAX_RATIO = 0.30

_EDIT = "<edit>"  # legacy values that say "changed" without saying how much
_LEGACY = {
    "modified": _EDIT, "edited": _EDIT, "minor": MINOR_EDIT, "major": MAJOR_EDIT, "none": "<none>",
    "accepted": ACCEPTED_AS_IS, "reject": REJECTED, "dismissed": IGNORED, "skipped": IGNORED,
}
_TOKEN = re.compile(r"\w+|[^\w\s]")
_DP_MAX_CELLS = 1_000_000


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def word_distance(a: list[str], b: list[str]) -> int:
    """Levenshtein distance between two token lists (exact up to a million cells, then difflib's)."""
    # Edits are usually local: strip the common ends before the quadratic part.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start:len(a) - end], b[start:len(b) - end]
    if not a or not b:
        return max(len(a), len(b))
    if len(a) * len(b) > _DP_MAX_CELLS:
        # Huge rewrites: an edit script from difflib (an upper bound, exact for block changes).
        ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")
    previous = list(range(len(b) + 1))
    for i, token_a in enumerate(a, 1):
        current = [i]
        for j, token_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (token_a != token_b)))
        previous = current
    return previous[-1]


def edit_ratio(original: str, correction: str) -> float:
    """Word-level Levenshtein distance over the longer token count (0 = same words, 1 = all changed)."""
    a, b = tokens(original), tokens(correction)
    longest = max(len(a), len(b))
    return word_distance(a, b) / longest if longest else 0.0


def classify_edit(original: str, correction: str) -> str:
    ratio = edit_ratio(original, correction)
    if ratio == 0:
        return ACCEPTED_AS_IS
    return MINOR_EDIT if ratio <= MINOR_EDIT_MAX_RATIO else MAJOR_EDIT


def derive_correction_type(
    original: str, correction: str | None, accepted: bool | None, sent: str | None
) -> str:
    """The decision class: the sent one (checked, legacy mapped) or the one the rule above derives."""
    edited = correction is not None and correction.strip() != ""
    if sent is not None:
        key = sent.strip().lower()
        mapped = key if key in CORRECTION_TYPES else _LEGACY.get(key)
        if mapped is None:
            allowed = ", ".join(CORRECTION_TYPES)
            raise ValidationError(f"correction_type must be one of {allowed} (or a legacy value: "
                                  f"{', '.join(_LEGACY)})", field="correction_type")
        if mapped == "<none>":
            return REJECTED if accepted is False else ACCEPTED_AS_IS
        if mapped != _EDIT:
            return mapped
        derived = classify_edit(original, correction) if edited and correction is not None else MINOR_EDIT
        return MAJOR_EDIT if derived == MAJOR_EDIT else MINOR_EDIT
    if accepted is False:
        return REJECTED
    if not edited or correction is None:
        return ACCEPTED_AS_IS if accepted else IGNORED
    return classify_edit(original, correction)


def derive_accepted(accepted: bool | None, correction_type: str) -> bool | None:
    """`accepted` as the client sent it, or what the class implies (None for `ignored`)."""
    if accepted is not None or correction_type == IGNORED:
        return accepted
    return correction_type in USED
