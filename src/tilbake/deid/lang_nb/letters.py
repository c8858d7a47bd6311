"""Letter classes for regular expressions over names written in any Latin alphabet.

Names of Norwegians of Polish, Lithuanian, Turkish, Vietnamese, Icelandic or Sámi origin carry
letters such as ł, č, ş, ğ, ő, ð, þ, ŋ, ơ: an ASCII-plus-ÆØÅ class cuts "Jabłoński" to "Jab".
Python's ``re`` has no ``\\p{Lu}``, so the upper-case class is built once from the Latin blocks.
"""

from __future__ import annotations

import re


def _upper_class() -> str:
    latin = [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    return "".join(chr(c) for c in latin if chr(c).isupper())


#: one upper-case Latin letter (A-Z, Æ Ø Å, Ł Č Ş Ğ Ð Þ Ž Ơ Ạ ...), for use inside ``[...]``
UPPER = _upper_class()
#: any letter of any alphabet (``\w`` without digits and underscore)
LETTER = r"[^\W\d_]"
#: a capitalised word ("Jabłoński", "Þórdís", "Hætta-Sara", "O'Connor")
CAPWORD = f"[{UPPER}]{LETTER}*(?:['’\\-]{LETTER}*)*"  # runs of letters: no per-character alternation

_SURROGATE = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")  # chr(): no lone surrogate in the source


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (from a broken JSON escape) replaced by U+FFFD: the same
    length, so offsets still hold, and a text that UTF-8 codecs (spaCy, ahocorasick_rs) accept."""
    return _SURROGATE.sub("\ufffd", text)
