"""The review API over the real app and engine (the shipped model included), on SQLite and PostgreSQL."""

from __future__ import annotations

NOTE = "Hun er sjåfør i firmaet Fjordlaks. Kari Hansen ringte 91234567. Øvelser fra Hvite Boka."


def _item(client, auth, text=NOTE):
    r = client.post("/api/v1/review/items", json={"text": text}, headers=auth)
    assert r.status_code == 201, r.text
    return r.json()


def _range(item, word):
    start = item["text"].index(word)
    return start, start + len(word)


def test_needs_a_token(client):
    r = client.get("/api/v1/review/items")
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"


def test_review_round_trip(client, auth):
    item = _item(client, auth)
    assert any(e["text"] == "Kari Hansen" for e in item["entities"])
    assert all("decision" in x and "pattern" in x for x in item["explanations"])
    start, end = _range(item, "Fjordlaks")
    url = f"/api/v1/review/items/{item['id']}"
    body = {"action": "mark_as_pii", "start": start, "end": end, "label": "ORG", "all_like_this": True}
    r = client.post(f"{url}/corrections", json=body, headers=auth)
    assert r.status_code == 200, r.text
    assert "Fjordlaks" not in r.json()["anonymized"]
    r = client.post(f"{url}/undo", json={}, headers=auth)
    assert "Fjordlaks" in r.json()["anonymized"]
    r = client.post(f"{url}/complete", headers=auth)
    assert r.json()["status"] == "reviewed"
    listed = client.get("/api/v1/review/items?status=reviewed", headers=auth).json()["items"]
    assert [i["id"] for i in listed] == [item["id"]] and "text" not in listed[0]
    assert client.get(url, headers=auth).json()["id"] == item["id"]


def test_bad_corrections_answer_the_canonical_error(client, auth):
    item = _item(client, auth)
    url = f"/api/v1/review/items/{item['id']}/corrections"
    r = client.post(url, json={"action": "mark_as_pii", "start": 0, "end": 3, "label": "NAME"}, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["field"] == "label"
    r = client.post(url, json={"action": "delete", "start": 0, "end": 3}, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["field"] == "action"
    r = client.post(url, json={"action": "mark_as_not_pii", "start": 0, "end": 2}, headers=auth)
    assert r.status_code == 404 and "no entity" in r.json()["error"]["message"]
    r = client.post("/api/v1/review/items/nope/corrections",
                    json={"action": "mark_as_not_pii", "start": 0, "end": 2}, headers=auth)
    assert r.status_code == 404
    r = client.post("/api/v1/review/items", json={"text": "x" * 600}, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["field"] == "text"
    assert "Kari" not in r.text


def test_retention_and_confirmed_delete(client, auth):
    default = client.get("/api/v1/review/retention", headers=auth).json()
    assert default == {"max_events": 10000, "max_days": 90}
    r = client.put("/api/v1/review/retention", json={"max_events": 1, "max_days": 30}, headers=auth)
    assert r.json() == {"max_events": 1, "max_days": 30}
    item = _item(client, auth)
    start, end = _range(item, "Fjordlaks")
    url = f"/api/v1/review/items/{item['id']}/corrections"
    client.post(url, json={"action": "mark_as_pii", "start": start, "end": end, "label": "ORG"}, headers=auth)
    start, end = _range(item, "Kari Hansen")
    client.post(url, json={"action": "change_entity_type", "start": start, "end": end, "label": "ORG"},
                headers=auth)
    r = client.post("/api/v1/review/feedback/delete", json={"confirm": False}, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["field"] == "confirm"
    r = client.post("/api/v1/review/feedback/delete", json={"confirm": True}, headers=auth)
    assert r.json() == {"events_deleted": 1, "items_deleted": 1}  # retention kept one event
    assert client.get("/api/v1/review/items", headers=auth).json()["items"] == []


def _reviewed(client, auth, word):
    text = f"Hun er sjåfør i firmaet {word}. Fortsetter med Hvite Boka hjemme."
    item = _item(client, auth, text)
    url = f"/api/v1/review/items/{item['id']}"
    start, end = _range(item, word)
    body = {"action": "mark_as_pii", "start": start, "end": end, "label": "ORG"}
    client.post(f"{url}/corrections", json=body, headers=auth)
    for e in client.get(url, headers=auth).json()["entities"]:
        if e["text"] == "Hvite Boka":
            client.post(f"{url}/corrections", json={"action": "mark_as_not_pii", "start": e["start"],
                                                     "end": e["end"]}, headers=auth)
    return client.post(f"{url}/complete", headers=auth).json()


def test_summary_rules_loop_and_miss_rate(client, auth):
    for word in ("Fjordlaks", "Bergfisk"):
        _reviewed(client, auth, word)
    summary = client.get("/api/v1/review/summary", headers=auth).json()
    assert summary["missed_patterns"][0] == {"shape": "Xx", "type": "ORG", "context_words": "i firmaet",
                                             "count": 2}
    assert client.get("/api/v1/review/acceptance", headers=auth).json()["acceptance"]
    shown = client.get("/api/v1/review/rules/proposals", headers=auth).json()
    assert any(p["kind"] == "context" for p in shown["proposals"])
    r = client.post("/api/v1/review/rules/apply", json={}, headers=auth)
    assert r.status_code == 200 and r.json()["version"] == "org-v1"
    item = _item(client, auth, "Han er sjåfør i firmaet Havbris.")
    assert item["rules_version"] == "org-v1" and item["entities"][0]["text"] == "Havbris"
    r = client.post("/api/v1/review/rules/rollback", json={}, headers=auth)
    assert r.json()["version"] == "org-v2" and r.json()["context"] == []
    assert len(client.get("/api/v1/review/rules/history", headers=auth).json()["versions"]) == 2
    r = client.post("/api/v1/review/rules/apply", json={"ids": ["nope"]}, headers=auth)
    assert r.status_code == 404
    rate = client.get("/api/v1/review/miss-rate", headers=auth).json()
    assert rate["sampled"] == 0 and rate["upper_bound"] is None


def test_items_from_a_pending_export_sample_and_from_quarantine(client, auth):
    r = client.post("/api/v1/feedback", headers=auth, json={
        "id": "s1", "suggestion_type": "soap_plan", "accepted": True,
        "original_suggestion": "Kontroll hos Kari Hansen om to uker.",
        "context_data": {"chief_complaint": "korsryggsmerter"}})
    assert r.status_code == 201, r.text
    r = client.post("/api/v1/review/items/sample", json={"size": 5}, headers=auth)
    assert r.status_code == 201
    ids = r.json()["items"]
    assert len(ids) == 2  # the suggestion and the chief complaint
    texts = {client.get(f"/api/v1/review/items/{i}", headers=auth).json()["text"] for i in ids}
    assert texts == {"Kontroll hos Kari Hansen om to uker.", "korsryggsmerter"}
    r = client.post("/api/v1/review/items/quarantine", json={"export_id": "nope"}, headers=auth)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = client.post("/api/v1/review/items/sample", json={"size": 0}, headers=auth)
    assert r.status_code == 422 and r.json()["error"]["field"] == "size"
