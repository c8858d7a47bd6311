"""Review tests run the real rule engine (no model: fast) over the shared test databases."""

from __future__ import annotations

from functools import partial

import pytest

from tilbake.review.service import ReviewService
from tilbake.wiring import rules_engine

SECRET = b"s" * 32


@pytest.fixture
def review(db):
    return ReviewService(db, SECRET, partial(rules_engine, model=False))


@pytest.fixture
def org_id(org):
    return org[0]["id"]


@pytest.fixture
def rules_service(db):
    from tilbake.review.loop import RulesService

    return RulesService(db, SECRET, partial(rules_engine, model=False))
