"""The store's shipped fake: a migrated in-memory SQLite that the real services run on unchanged."""

from tilbake.accounts.service import AccountService
from tilbake.capture.schemas import FeedbackIn
from tilbake.capture.service import ApiToken, CaptureService
from tilbake.store import memory_database
from tilbake.store.migrate import is_current


def test_services_run_on_the_in_memory_database():
    db = memory_database()
    assert is_current(db)
    _org, token = AccountService(db).create_org("Minneklinikken")
    capture = CaptureService(db, max_text_chars=1000)
    body = FeedbackIn(id="m1", suggestion_type="soap_plan", original_suggestion="Hvile.", accepted=True)
    assert capture.feedback(ApiToken(token), body)["created"]
    assert capture.get_suggestion(ApiToken(token), "m1")["correction_type"] == "accepted_as_is"
    db.dispose()


def test_each_in_memory_database_is_its_own():
    first, second = memory_database(), memory_database()
    AccountService(first).create_org("Bare her")
    assert [o["name"] for o in AccountService(first).list_orgs()] == ["Bare her"]
    assert AccountService(second).list_orgs() == []
