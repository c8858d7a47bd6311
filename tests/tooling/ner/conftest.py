"""A tiny stand-in model (DESIGN §5.7): a blank bokmål pipeline whose entity ruler knows a few names.

It loads in milliseconds and is deterministic, so the adapter's mechanics (windows, offsets,
batching) are tested without the shipped model; one test module exercises the shipped model itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from tilbake.deid.detect.ner import LEXICON_FILE

TINY_PATTERNS = [
    {"label": "PERSON", "pattern": "Kari Nordmann"},
    {"label": "PERSON", "pattern": [{"LOWER": "ola"}, {"LOWER": "hansen"}]},
    {"label": "ORG", "pattern": "Majorstua legesenter"},
    {"label": "LOCATION", "pattern": "Tromsø"},
    {"label": "PERSON", "pattern": "Dag"},  # a name and a common word ("dag")
    {"label": "PERSON", "pattern": "ANAMNESE Dag"},  # a heading the filter cuts off
]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("models") / "tiny_ner"
    nlp = spacy.blank("nb")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(TINY_PATTERNS)
    nlp.to_disk(path)
    lexicon = {
        "common": ["pasienten", "kontroll", "smerter", "dag"],
        "common_exact": ["MR"],
        "names": ["ola", "hansen", "dag"],
    }
    (path / LEXICON_FILE).write_text(json.dumps(lexicon), "utf-8")
    return path
