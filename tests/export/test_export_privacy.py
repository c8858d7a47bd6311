"""Export makes no network calls and keeps patient text out of logs and exception messages (DESIGN §4)."""

from __future__ import annotations

import logging
import socket

import pytest
from export_fixtures import add_suggestions, record  # noqa: E402

from tilbake.errors import ConflictError  # noqa: E402
from tilbake.export.request import Actor, Consent, Scope  # noqa: E402

SECRET = "Ola Nordmann 01018012345"


def _refuse(*args, **kwargs):
    raise AssertionError("the export tried to open a network connection")


def test_export_runs_without_network_and_logs_no_text(db, org, service, caplog):
    # Python-level sockets are refused; PostgreSQL still answers because libpq opens its own
    # connection in C, so the test runs on both databases.
    add_suggestions(
        db, org, [record(i, "minor_edit", f"{SECRET} forslag {i}.", f"Rettet {i}.") for i in range(9)]
    )
    caplog.set_level(logging.DEBUG)
    with pytest.MonkeyPatch.context() as mp:
        for name in ("socket", "create_connection", "getaddrinfo"):
            mp.setattr(socket, name, _refuse)
        batch = service.create(Actor(org), Consent(given_by="Kari", agree=True), Scope())
    assert batch["suggestions"] == 9
    assert "Ola" not in caplog.text and "01018012345" not in caplog.text


def test_error_messages_name_no_text(db, org, service):
    add_suggestions(db, org, [record(0, "accepted_as_is", SECRET)])

    def steal(_n):
        with db.unit_of_work() as uow:
            from tilbake.capture.tables import suggestions

            uow.conn.execute(
                suggestions.update().where(suggestions.c.organization_id == org).values(export_batch_id="x")
            )

    with pytest.raises(ConflictError) as err:
        service.create(Actor(org), Consent(given_by="Kari", agree=True), Scope(), progress=steal)
    assert "Ola" not in str(err.value) and "0101" not in str(err.value)
