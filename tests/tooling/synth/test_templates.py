from __future__ import annotations

import random

import pytest

from tilbake.tooling.synth.scene import Scene, expand
from tilbake.tooling.synth.text import render


def _texts(template: str, n: int = 200) -> set[str]:
    scene = Scene(random.Random(1), "train")
    return {render(expand(scene, template))[0] for _ in range(n)}


@pytest.mark.parametrize("template, expected", [
    ("Ja.", {"Ja."}),
    ("⟨Ja|Nei⟩.", {"Ja.", "Nei."}),
    ("Ja⟨| takk⟩.", {"Ja.", "Ja takk."}),
    ("⟨A|B⟩⟨1|2⟩", {"A1", "A2", "B1", "B2"}),
    ("{vertebra}⟨|⟩", None),
])
def test_choices_draw_every_alternative(template, expected):
    texts = _texts(template)
    if expected is not None:
        assert texts == expected
    else:
        assert len(texts) > 3


def test_slots_inside_choices_keep_exact_spans():
    scene = Scene(random.Random(2), "heldout")
    for _ in range(100):
        text, spans, _ = render(expand(scene, "Ring ⟨{patient}|fru {plast}⟩ på {phone}."))
        assert [s["label"] for s in spans] == ["PERSON", "PHONE"]
        assert text.startswith("Ring ") and text.endswith(".")


@pytest.mark.parametrize("template", ["{nosuchslot}", "⟨a|{nosuchslot}⟩"])
def test_unknown_slots_fail_loudly(template):
    with pytest.raises(KeyError, match="nosuchslot"):
        expand(Scene(random.Random(3), "train"), template)
