"""Training side of the Norwegian clinical NER model (issue 5).

Reading NorNE and synthetic notes into spaCy training data (`corpus`, `norne`), the training recipe
(`train`, `config.cfg`), the clinical tokenizer (`tokenizer`) and evaluation on a gold corpus
(`evaluate`). The runtime side lives in `tilbake.deid.detect.ner`; the trained model in `tilbake.models`.
"""

from __future__ import annotations

#: the labels the model predicts (a subset of tilbake.deid.spans.Label)
MODEL_LABELS = ("PERSON", "ORG", "LOCATION")
