"""Fixtures for the merge tests: real bundles (the export's writer) and the real merge service."""

from __future__ import annotations

import pytest
from merge_fixtures import examples, make_bundle

from tilbake.wiring import merge_service


@pytest.fixture(scope="session")
def service():
    """The merge service on the rule engine (the leak gate's patterns, rules and independent check)."""
    return merge_service(model=False)


@pytest.fixture
def bundle(tmp_path):
    return make_bundle(tmp_path / "in", "bundle-a", examples(1, 24))
