"""The export API: preview, consented create, list, show, download, revoke; canonical errors; isolation."""

from __future__ import annotations

import io
import json
import uuid
import zipfile

import pytest
from export_fixtures import add_suggestions, fake_deid, record  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from tilbake.accounts.service import AccountService  # noqa: E402
from tilbake.config import Settings  # noqa: E402
from tilbake.export.anonymize import CallableAnonymizer  # noqa: E402
from tilbake.export.leakscan import LeakScanner  # noqa: E402
from tilbake.export.service import ExportService  # noqa: E402
from tilbake.web import create_app
from tilbake.wiring import Services  # noqa: E402

BASE = "/api/v1/training/exports"
CONSENT = {"given_by": "Kari Lege", "agree": True, "statement_version": 1}


@pytest.fixture
def app(db, tmp_path):
    app = create_app(Services(Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path)}), db))
    app.state.services.exports = ExportService(
        db, tmp_path / "exports", lambda m: CallableAnonymizer(fake_deid, mode=m), LeakScanner, batch_size=4
    )
    return app


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


def _org(db, name):
    org, token = AccountService(db).create_org(f"{name} {uuid.uuid4().hex[:8]}")
    return org["id"], {"Authorization": f"Bearer {token}"}


@pytest.fixture
def clinic(db):
    org_id, auth = _org(db, "Ryggklinikken")
    add_suggestions(
        db,
        org_id,
        [
            record(0, "accepted_as_is", "Ola Nordmann har vondt."),
            record(1, "minor_edit", "Øvelser.", "Øvelser daglig."),
            record(2, "rejected", "Ring 91234567.", "Nei."),
            record(3, "ignored"),
        ],
    )
    return org_id, auth


def _error(resp, status, code):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    return body["error"]


def test_preview_consent_create_list_download_revoke(client, clinic):
    _, auth = clinic
    preview = client.get(f"{BASE}/preview", headers=auth).json()
    assert preview["pending_total"] == 4 and preview["consent"]["statement_version"] == 1
    stats = client.get("/api/v1/training/export/stats", headers=auth).json()
    assert stats["pending_total"] == preview["pending_total"]  # the same pending query

    resp = client.post(BASE, headers=auth, json={"consent": CONSENT})
    assert resp.status_code == 201, resp.text
    batch = resp.json()
    assert batch["suggestions"] == 2 and batch["quarantined"][0]["reasons"] == ["PHONE", "independent:DIGITS"]
    assert client.get("/api/v1/training/export/stats", headers=auth).json()["pending_total"] == 2

    assert [b["id"] for b in client.get(BASE, headers=auth).json()["exports"]] == [batch["id"]]
    assert client.get(f"{BASE}/{batch['id']}", headers=auth).json()["consent"]["given_by"] == "Kari Lege"
    dl = client.get(f"{BASE}/{batch['id']}/download", headers=auth)
    assert dl.status_code == 200 and dl.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(dl.content)) as zf:
        names = sorted(n.split("/", 1)[1] for n in zf.namelist())
        sft = zf.read(next(n for n in zf.namelist() if n.endswith("sft.jsonl"))).decode()
    assert names == ["README.md", "dpo.jsonl", "kto.jsonl", "manifest.json", "sft.jsonl"]
    assert "Ola Nordmann" not in sft and "[NAVN]" in sft
    assert all(json.loads(line)["messages"] for line in sft.splitlines())

    revoked = client.post(f"{BASE}/{batch['id']}/revoke", headers=auth, json={"rows": "pending"})
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    _error(client.get(f"{BASE}/{batch['id']}/download", headers=auth), 404, "not_found")
    _error(
        client.post(f"{BASE}/{batch['id']}/revoke", headers=auth, json={"rows": "pending"}), 409, "conflict"
    )
    assert client.get("/api/v1/training/export/stats", headers=auth).json()["pending_total"] == 4


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "consent"),
        ({"consent": {**CONSENT, "agree": False}}, "consent.agree"),
        ({"consent": {"agree": True}}, "consent.given_by"),
        ({"consent": {**CONSENT, "statement_version": 7}}, "consent.statement_version"),
        ({"consent": CONSENT, "mode": "redact"}, "mode"),
        ({"consent": CONSENT, "organization": "x"}, None),  # an unknown name is never repeated
    ],
)
def test_create_without_valid_consent_is_422_and_exports_nothing(client, clinic, body, field):
    _, auth = clinic
    err = _error(client.post(BASE, headers=auth, json=body), 422, "validation_error")
    assert err.get("field") == field
    assert client.get(BASE, headers=auth).json()["exports"] == []
    assert client.get("/api/v1/training/export/stats", headers=auth).json()["pending_total"] == 4


def test_revoke_rows_choice_is_validated(client, clinic):
    _, auth = clinic
    batch = client.post(BASE, headers=auth, json={"consent": CONSENT}).json()
    err = _error(
        client.post(f"{BASE}/{batch['id']}/revoke", headers=auth, json={"rows": "drop"}),
        422,
        "validation_error",
    )
    assert err["field"] == "rows"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", BASE),
        ("post", BASE),
        ("get", f"{BASE}/preview"),
        ("get", f"{BASE}/x/download"),
        ("post", f"{BASE}/x/revoke"),
    ],
)
def test_every_route_needs_a_token(client, method, path):
    _error(getattr(client, method)(path), 401, "unauthorized")


def test_another_organization_gets_404_never_content(client, clinic, db):
    _, auth = clinic
    batch = client.post(BASE, headers=auth, json={"consent": CONSENT}).json()
    _, other = _org(db, "Annen klinikk")
    for resp in (
        client.get(f"{BASE}/{batch['id']}", headers=other),
        client.get(f"{BASE}/{batch['id']}/download", headers=other),
        client.post(f"{BASE}/{batch['id']}/revoke", headers=other, json={"rows": "pending"}),
    ):
        err = _error(resp, 404, "not_found")
        assert "Ryggklinikken" not in err["message"]
    assert client.get(BASE, headers=other).json()["exports"] == []


def test_the_app_wires_the_real_engine(db, tmp_path):
    settings = Settings.from_env({"TILBAKE_DATA_DIR": str(tmp_path), "TILBAKE_SECRET": "s" * 40})
    org_id, auth = _org(db, "Ekte motor")
    add_suggestions(
        db, org_id, [record(0, "accepted_as_is", "Pasient Ola Nordmann, tlf 912 34 567, har vondt.")]
    )
    with TestClient(create_app(Services(settings, db))) as client:
        resp = client.post(BASE, headers=auth, json={"consent": CONSENT, "mode": "surrogates"})
        assert resp.status_code == 201, resp.text
        dl = client.get(f"{BASE}/{resp.json()['id']}/download", headers=auth)
    with zipfile.ZipFile(io.BytesIO(dl.content)) as zf:
        text = "".join(zf.read(n).decode() for n in zf.namelist())
    assert "Nordmann" not in text and "912 34 567" not in text
    assert '"mode": "surrogates"' in text  # the manifest records the mode asked for


def test_unknown_type_is_422_naming_the_known_ones_and_an_empty_export_is_409(client, clinic, db):
    _, auth = clinic
    bad = client.get(f"{BASE}/preview", headers=auth, params={"suggestion_type": "soap_plann"})
    err = _error(bad, 422, "validation_error")
    assert err["field"] == "suggestion_types" and "soap_plan" in err["message"]
    err = _error(client.post(BASE, headers=auth, json={"consent": CONSENT, "suggestion_types": ["x_y"]}),
                 422, "validation_error")
    assert "known types" in err["message"] and "red_flag" in err["message"]
    empty = client.post(BASE, headers=auth, json={"consent": CONSENT, "suggestion_types": ["red_flag"]})
    assert "nothing to export" in _error(empty, 409, "conflict")["message"]
    assert client.get(BASE, headers=auth).json()["exports"] == []
