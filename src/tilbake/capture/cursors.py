"""Opaque, per-organization page cursors.

A cursor must not show the row's internal id: ids count every organization's rows, so two cursors
would tell one practice how much another logs. The id is run through a keyed permutation of 64-bit
numbers (a four-round Feistel network over HMAC-SHA256) with a key of the organization's own, and
carries a short tag: a cursor made for one organization is refused by every other, and an edited one
too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct

from tilbake.errors import ValidationError

_ROUNDS = 4
_TAG = 6
_BAD = "cursor must be a next_cursor value from a previous page of this organization"


class Cursors:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def __repr__(self) -> str:
        return "Cursors(<key hidden>)"

    def _key(self, org_id: int) -> bytes:
        return hmac.new(self._secret, f"page-cursor:{org_id}".encode(), hashlib.sha256).digest()

    @staticmethod
    def _f(key: bytes, round_: int, half: int) -> int:
        digest = hmac.new(key, struct.pack(">BI", round_, half), hashlib.sha256).digest()
        return int.from_bytes(digest[:4], "big")

    def _permute(self, key: bytes, value: int, inverse: bool = False) -> int:
        left, right = value >> 32, value & 0xFFFFFFFF
        rounds = range(_ROUNDS - 1, -1, -1) if inverse else range(_ROUNDS)
        for r in rounds:
            if inverse:
                left, right = right ^ self._f(key, r, left), left
            else:
                left, right = right, left ^ self._f(key, r, right)
        return (left << 32) | right

    def encode(self, org_id: int, row_id: int) -> str:
        key = self._key(org_id)
        body = struct.pack(">Q", self._permute(key, row_id))
        tag = hmac.new(key, body, hashlib.sha256).digest()[:_TAG]
        return base64.urlsafe_b64encode(body + tag).decode().rstrip("=")

    def decode(self, org_id: int, cursor: str | None) -> int | None:
        if not cursor:
            return None
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        except (ValueError, UnicodeEncodeError):
            raise ValidationError(_BAD, field="cursor") from None
        key = self._key(org_id)
        body, tag = raw[:8], raw[8:]
        expected = hmac.new(key, body, hashlib.sha256).digest()[:_TAG]
        if len(raw) != 8 + _TAG or not hmac.compare_digest(tag, expected):
            raise ValidationError(_BAD, field="cursor")
        return self._permute(key, struct.unpack(">Q", body)[0], inverse=True)
