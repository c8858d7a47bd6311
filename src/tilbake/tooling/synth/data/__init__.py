"""Vendored name, street and town lists (loaded once, lazily).

Credit: first names and surnames from Statistics Norway (SSB) tables 10467 and 12891, CC BY 4.0,
adapted via norwegian-fake-data 0.2.0; rare first names, surnames, street and town names from
mimesis 22.2.0 (MIT). ``build_names.py`` rebuilds ``names.json.gz``; nothing here imports those packages.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def names() -> dict[str, Any]:
    raw = (resources.files(__package__) / "names.json.gz").read_bytes()
    data: dict[str, Any] = json.loads(gzip.decompress(raw))
    return data
