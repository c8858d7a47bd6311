"""Context words count as whole words and inside Norwegian compounds, both ways."""

import pytest

from tilbake.deid.detect.recognizers.base import has_cue
from tilbake.deid.lang_nb import words


@pytest.mark.parametrize(("window", "cues", "expected"), [
    ("fnr ", words.FNR_CUES, "fnr"),                                  # whole word
    ("pasientens fødselsnummeret er ", words.FNR_CUES, "fødselsn"),   # inside a compound
    ("f.nr: ", words.FNR_CUES, "f.nr"),
    ("telefonnr. ", words.PHONE_CUES, "telefonnr"),
    ("kontakttelefon ", words.PHONE_CUES, "telefon"),                # the end of a compound
    ("tlf ", words.PHONE_CUES, "tlf"),
    ("varenummer ", words.NOT_PHONE_CUES, "varenummer"),
    ("journalnr. ", words.ID_CUES, "journalnr"),
    ("ufnr ", words.FNR_CUES, ""),                                    # a short cue glued to a word
    ("stilling ", words.PHONE_CUES, ""),
    ("", words.FNR_CUES, ""),
])
def test_has_cue(window, cues, expected):
    assert has_cue(window, cues) == expected


@pytest.mark.parametrize(("text", "label"), [
    ("Fødselsnummeret: 15108695089", "FNR"),     # compound cue, failing checksum
    ("Pasientens fnr.: 15108695089", "FNR"),     # abbreviation with dot
    ("Kontakttelefon 22 33 44 55", "PHONE"),
    ("Telefonnr.: 22334455", "PHONE"),           # fixed-line series needs the cue
])
def test_cues_in_context(found, text, label):
    assert any(lab == label for _, lab in found(text))
