"""Real bundles for the merge tests, made by the export's own row builders, manifest and writer."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

from tilbake.export import manifest
from tilbake.export.bundle import BundleWriter
from tilbake.export.manifest import Tally
from tilbake.export.rows import Example, build_rows

WORDS = [
    "smerter",
    "korsrygg",
    "nakke",
    "skulder",
    "hofte",
    "kne",
    "bevegelighet",
    "redusert",
    "palpasjonsøm",
    "muskulatur",
    "stiv",
    "aktivitet",
    "trening",
    "øvelser",
    "hjemme",
    "belastning",
    "gradvis",
    "økning",
    "kontroll",
    "uker",
    "behandling",
    "manipulasjon",
    "mobilisering",
    "tøyning",
    "styrke",
    "stabilitet",
    "holdning",
    "søvn",
    "arbeid",
    "pause",
    "løft",
    "ryggstrekk",
    "fleksjon",
    "ekstensjon",
    "rotasjon",
    "utstråling",
    "lår",
    "legg",
    "nummenhet",
    "prikking",
    "ingen",
    "nevrologiske",
    "utfall",
    "normal",
    "reflekser",
    "kraft",
    "sensibilitet",
    "bedring",
    "forverring",
    "vurdering",
    "plan",
    "oppfølging",
    "anbefalt",
    "henvisning",
]
TYPES = ("soap_plan", "soap_assessment", "treatment_plan")
DECISIONS = ("accepted_as_is", "minor_edit", "major_edit", "rejected")


def note(rng: random.Random, words: int = 28) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def examples(seed: int, n: int) -> list[Example]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        decision = DECISIONS[i % len(DECISIONS)]
        original = note(rng)
        correction = None if decision == "accepted_as_is" else note(rng)
        out.append(
            Example(
                TYPES[i % len(TYPES)],
                decision,
                original,
                correction,
                0.7,
                "40-49",
                f"Vondt i {rng.choice(WORDS)} {rng.choice(WORDS)}",
            )
        )
    return out


def make_bundle(out_dir: Path, name: str, exs: list[Example]) -> Path:
    """A bundle as `tilbake export create` writes it: rows, manifest with consent, zip."""
    tally = Tally()
    out_dir.mkdir(parents=True, exist_ok=True)
    with BundleWriter(out_dir, name) as writer:
        for ex in exs:
            rows = build_rows(ex)
            if rows.skipped is None:
                tally.suggestions[ex.suggestion_type, ex.decision] += 1
            for fmt, fmt_rows in rows.by_format().items():
                for row in fmt_rows:
                    writer.add(fmt, row)
        body = manifest.build(
            tally,
            rows=writer.rows,
            duplicates=writer.duplicates,
            versions={"detector": "test"},
            mode="tags",
            consent={"id": f"consent-{name}", "statement_version": 1},
            export_id=name,
        )
        return writer.finish(body, manifest.readme(body))


def rewrite_member(path: Path, member: str, change) -> Path:
    """A copy of the zip with one member's bytes changed (tampering, truncation)."""
    out = path.with_name(path.stem + "-changed.zip")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("/" + member):
                data = change(data)
            dst.writestr(info, data)
    return out
