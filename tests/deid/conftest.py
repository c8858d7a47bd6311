import pytest

from tilbake.deid.detect.engine import Deidentifier


@pytest.fixture(scope="session")
def engine():
    return Deidentifier.default()


@pytest.fixture(scope="session")
def found(engine):
    """The (piece of text, label) pairs the default engine finds."""

    def run(text):
        return {(text[s.start:s.end], s.label.value) for s in engine.detect(text)}

    return run
