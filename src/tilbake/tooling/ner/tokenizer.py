"""Clinical abbreviations the bokmål tokenizer must keep whole.

spaCy's ``nb`` tokenizer splits the final period off "pas.", "us.", "beh.", "f.nr." and the like, so
a note reads as a string of one-word sentences and the model loses the context around names ("hos
dr. Hansen" vs "dr . Hansen"). The special cases below are added to the tokenizer before training and
are saved with it, so the shipped model needs no code from tilbake to tokenize the same way
(``tilbake.tooling.ner.gazetteer`` holds the config hook that applies them during training).
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language

# Lower-case forms; "Pas." and "PAS." are added from these. Keep to abbreviations that end in a period
# and are common in Norwegian clinical notes (journal, epikrise, henvisning). Words that also end
# sentences ("lege.", "uke.", "med.", "mg.") are left out on purpose.
_ABBREVIATIONS = """
    pas. pt. us. u.s. beh. dr. f.nr. fnr. fødselsnr. tlf. mob. nr. ca. evt. ev. ift. i.f.t. mtp. m.t.p.
    pga. p.g.a. bl.a. dvs. osv. etc. obs. ua. u.a. i.e. ve. hø. bilat. hhv. kl. jf. jfr. mht. vh. mvh.
    spes. spl. kons. konf. rtg. lab. tbl. tab. stk. dgl. pr. sek. mnd. st. avd. sykeh. legesent.
    poliklin. henv. kontr. ktr. innl. utskr. sm. smertest. diagn. diff.diagn. fys. kir. ort. nevr.
    psyk. gyn. ped. prof. cand.med. overl. ass.lege sykepl. fysioter. kiropr. fastl. allm. tidl. ang.
    vedr. att. adr. postnr. gnr. bnr. jnr. ref. sign.
"""
CLINICAL_ABBREVIATIONS: tuple[str, ...] = tuple(_ABBREVIATIONS.split())


def _variants(abbreviation: str) -> set[str]:
    return {abbreviation, abbreviation.capitalize(), abbreviation.upper()}


def add_clinical_abbreviations(nlp: Language) -> Language:
    """Add the abbreviations (and their capitalised and upper-case forms) as tokenizer special cases."""
    for abbreviation in CLINICAL_ABBREVIATIONS:
        for form in _variants(abbreviation):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp
