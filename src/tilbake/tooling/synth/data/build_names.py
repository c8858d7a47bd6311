"""Rebuild ``names.json.gz`` from norwegian-fake-data (SSB, CC BY 4.0) and mimesis (MIT).

Run by hand (``python -m tilbake.tooling.synth.data.build_names``) with both packages installed; tilbake
never imports them at run time. Weights are rounded to keep the file small.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from importlib import resources
from pathlib import Path


def _ssb() -> tuple[dict[str, Counter[str]], Counter[str]]:
    src = resources.files("norwegian_fake_data") / "data" / "names.json.gz"
    data = json.loads(gzip.decompress(src.read_bytes()))
    first: dict[str, Counter[str]] = {"female": Counter(), "male": Counter()}
    for key, rows in data["first_names"].items():
        gender = key.split(":")[1]
        for name, weight in rows:
            first[gender][name] += weight
    surnames: Counter[str] = Counter()
    latest = max(data["surnames"])
    for name, count in data["surnames"][latest]:
        surnames[name] = count
    return first, surnames


def _mimesis() -> tuple[dict[str, list[str]], list[str], list[str], list[str]]:
    base = resources.files("mimesis") / "datasets" / "no"
    person = json.loads((base / "person.json").read_text(encoding="utf-8"))
    address = json.loads((base / "address.json").read_text(encoding="utf-8"))
    return person["names"], person["surnames"], address["street"]["name"], address["city"]


def build() -> dict[str, object]:
    first, surnames = _ssb()
    m_first, m_surnames, streets, cities = _mimesis()
    ssb_first = set(first["female"]) | set(first["male"])
    return {
        "credit": "First names and surnames: Statistics Norway (SSB) tables 10467 and 12891, CC BY 4.0, "
        "adapted via norwegian-fake-data 0.2.0. Rare first names, surnames, street and town names: "
        "mimesis 22.2.0 (MIT).",
        "first": {g: [[n, max(1, round(w / 10))] for n, w in sorted(c.items())] for g, c in first.items()},
        "surnames": [[n, max(1, round(c / 10))] for n, c in sorted(surnames.items())],
        "rare_first": {g: sorted(set(names) - ssb_first) for g, names in m_first.items()},
        "rare_surnames": sorted(set(m_surnames) - set(surnames)),
        "streets": sorted(set(streets)),
        "towns": sorted(set(cities)),
    }


if __name__ == "__main__":
    out = Path(__file__).with_name("names.json.gz")
    payload = json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode()
    out.write_bytes(gzip.compress(payload, mtime=0))
    print(f"wrote {out} ({out.stat().st_size} bytes)")
