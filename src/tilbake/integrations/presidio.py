"""tilbake's recognizers and model as a Presidio ``EntityRecognizer`` (``pip install 'tilbake[presidio]'``).

    analyzer = norwegian_analyzer()                      # an AnalyzerEngine for "nb", nothing downloaded
    analyzer.analyze(text, language="nb")                # -> RecognizerResults, Presidio's entity names

:class:`TilbakeRecognizer` runs a whole tilbake engine (rules and the shipped model by default): its
overlap resolution, name propagation and never-PHI filters work across tilbake's detectors, so it is
registered as one recognizer rather than one per detector, and finds exactly the spans tilbake finds
(docs/batch.md measures it). Labels become Presidio's entity names (:data:`ENTITIES`). The analyzer's
NLP engine is a blank spaCy ``nb`` pipeline (tokens for Presidio's context words, no model to load).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from presidio_analyzer import AnalysisExplanation, AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.recognizer_registry import RecognizerRegistry

from tilbake.deid.spans import Label

if TYPE_CHECKING:
    from tilbake.deid.detect.engine import Deidentifier

LANGUAGE = "nb"
#: tilbake label -> Presidio entity name (Presidio's own where it has one; country-specific ones
#: prefixed like its SE_PERSONNUMMER; addresses are LOCATION, as in Presidio)
ENTITIES: Mapping[Label, str] = {
    Label.PERSON: "PERSON",
    Label.FNR: "NO_FODSELSNUMMER",
    Label.PHONE: "PHONE_NUMBER",
    Label.EMAIL: "EMAIL_ADDRESS",
    Label.URL: "URL",
    Label.DATE: "DATE_TIME",
    Label.AGE: "AGE",
    Label.ADDRESS: "LOCATION",
    Label.LOCATION: "LOCATION",
    Label.ORG: "ORGANIZATION",
    Label.ID: "ID",
}


class TilbakeRecognizer(EntityRecognizer):  # type: ignore[misc]
    """A tilbake engine (default: rules + shipped model, built on :meth:`load`) for Presidio."""

    def __init__(self, engine: Deidentifier | None = None, entities: Mapping[Label, str] = ENTITIES) -> None:
        self._engine = engine
        self._entities = dict(entities)
        super().__init__(supported_entities=sorted(set(self._entities.values())), name="tilbake",
                         supported_language=LANGUAGE, version=self._version())

    def _version(self) -> str:
        from tilbake._version import __version__

        return __version__

    def load(self) -> None:
        if self._engine is None:
            from tilbake.wiring import deid_engine

            self._engine = deid_engine(True)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if self._engine is None:
            self.load()
        assert self._engine is not None
        wanted = set(entities) if entities else set(self.supported_entities)
        results = []
        for span in self._engine.detect(text):
            entity = self._entities.get(span.label)
            if entity in wanted:
                why = AnalysisExplanation(self.name, span.score, textual_explanation=f"tilbake {span.source}")
                results.append(RecognizerResult(entity, span.start, span.end, span.score, why))
        return results


class BlankNorwegianNlpEngine(SpacyNlpEngine):  # type: ignore[misc]
    """Presidio's spaCy NLP engine on ``spacy.blank("nb")``: tokens and stop words, no model (so
    Presidio never tries to download one)."""

    def __init__(self) -> None:
        super().__init__(models=[{"lang_code": LANGUAGE, "model_name": "blank:nb"}])

    def load(self) -> None:
        import spacy

        self.nlp = {LANGUAGE: spacy.blank(LANGUAGE)}


def norwegian_analyzer(recognizer: TilbakeRecognizer | None = None, **analyzer_options: Any
                       ) -> AnalyzerEngine:
    """A Presidio AnalyzerEngine for ``language="nb"`` with tilbake's recognizer registered (add
    Presidio's own recognizers to ``analyzer.registry`` as usual)."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    registry.add_recognizer(recognizer or TilbakeRecognizer())
    return AnalyzerEngine(registry=registry, nlp_engine=BlankNorwegianNlpEngine(),
                          supported_languages=[LANGUAGE], **analyzer_options)
