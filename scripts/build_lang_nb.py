"""Rebuild the gazetteer files in src/tilbake/deid/lang_nb/data from their licensed sources.

Run by hand when a source changes (not at install or run time):

    npm pack norway-postal-codes@3.3.0 @faker-js/faker@10.6.0   # in a scratch dir, then unpack
    python scripts/build_lang_nb.py --npm-dir /tmp/npmdl

Sources and licences are listed in docs/deid.md ("Data") and in lang_nb/__init__.py.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/tilbake/deid/lang_nb/data"


def _pkg_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec and spec.origin, name
    return Path(spec.origin).parent


def _write(name: str, lines: list[str]) -> None:
    body = "\n".join(lines) + "\n"
    with gzip.GzipFile(OUT / name, "wb", mtime=0) as fh:  # mtime=0: reproducible bytes
        fh.write(body.encode("utf-8"))
    print(f"{name}: {len(lines)} rows")


def names() -> None:
    ssb = json.loads(gzip.decompress((_pkg_dir("norwegian_fake_data") / "data/names.json.gz").read_bytes()))
    first = {n for rows in ssb["first_names"].values() for n, _ in rows}
    last = {n for rows in ssb["surnames"].values() for n, _ in rows}
    mim = json.loads((_pkg_dir("mimesis") / "datasets/no/person.json").read_text(encoding="utf-8"))
    for key in ("female", "male"):
        first |= set(mim["names"][key])
    last |= set(mim["surnames"]) if isinstance(mim["surnames"], list) else {
        n for v in mim["surnames"].values() for n in v}
    ok = re.compile(r"^[A-ZÆØÅÉ][\w'\-]+(?: [A-ZÆØÅ][\w'\-]+)?$")
    _write("first_names.txt.gz", sorted(n for n in first if ok.match(n)))
    _write("surnames.txt.gz", sorted(n for n in last if ok.match(n)))


def places(npm_dir: Path) -> None:
    js = (npm_dir / "norway-postal-codes-3.3.0/package/converted/postal-codes-simple.js").read_text()
    codes: dict[str, str] = json.loads(js[js.index("{"):].rstrip().rstrip(";"))
    _write("postcodes.tsv.gz", [f"{k}\t{v.title()}" for k, v in sorted(codes.items())])
    faker = next((npm_dir / "faker-js-faker-10.6.0/package/dist").glob("nb_NO-*.js")).read_text()
    kommuner = re.search(r"county:`([^`]*)`", faker)
    assert kommuner
    mim = json.loads((_pkg_dir("mimesis") / "datasets/no/address.json").read_text(encoding="utf-8"))
    towns = set(kommuner.group(1).split(".")) | set(mim["city"]) | {v.title() for v in codes.values()}
    _write("places.txt.gz", sorted(t for t in towns if t and len(t) > 1))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--npm-dir", type=Path, required=True)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    names()
    places(args.npm_dir)
