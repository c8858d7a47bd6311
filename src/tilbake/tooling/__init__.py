"""Development tooling, apart from the product path: the synthetic note generator (``synth``), the
NER model's training and evaluation (``ner``) and the demo data (``demo``)."""
