"""Idempotency-Key on POST."""
import base64
import uuid

from tests.conftest import event_body


def key():
    return uuid.uuid4().hex


def test_retried_post_is_answered_once_and_replayed(organizer, anon):
    k, body = key(), event_body(eventId=f"idem-{uuid.uuid4().hex[:8]}")
    first = organizer.post("/events", body, format="json", HTTP_IDEMPOTENCY_KEY=k)
    again = organizer.post("/events", body, format="json", HTTP_IDEMPOTENCY_KEY=k)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"


def test_without_the_key_a_retry_conflicts(organizer):
    body = event_body(eventId=f"idem-{uuid.uuid4().hex[:8]}")
    organizer.post("/events", body, format="json")
    assert organizer.post("/events", body, format="json").status_code == 409


def test_same_key_with_another_body_is_422(organizer):
    k = key()
    organizer.post("/events", event_body(), format="json", HTTP_IDEMPOTENCY_KEY=k)
    assert organizer.post("/events", event_body(title="Other"), format="json",
                          HTTP_IDEMPOTENCY_KEY=k).status_code == 422


def test_keys_are_scoped_to_the_caller(organizer, other_organizer):
    k = key()
    a = organizer.post("/events", event_body(), format="json", HTTP_IDEMPOTENCY_KEY=k)
    b = other_organizer.post("/events", event_body(), format="json", HTTP_IDEMPOTENCY_KEY=k)
    assert a.status_code == b.status_code == 201 and a.json()["eventId"] != b.json()["eventId"]


def test_answers_carrying_a_new_api_key_are_never_stored(anon):
    from eventsite.api.idempotency import IdempotentRequest

    k, user_id = key(), f"idem-{uuid.uuid4().hex[:8]}"
    first = anon.post("/users", {"userId": user_id, "name": "Once"}, format="json", HTTP_IDEMPOTENCY_KEY=k)
    assert first.status_code == 201 and first["Cache-Control"] == "no-store"
    stored = [base64.b64decode(r.body or "") for r in IdempotentRequest.scan()]
    assert not any(first.json()["apiKey"].encode() in body for body in stored)
    assert anon.post("/users", {"userId": user_id, "name": "Once"}, format="json",
                     HTTP_IDEMPOTENCY_KEY=k).status_code == 409


def test_invalid_key_is_400(organizer):
    assert organizer.post("/events", event_body(), format="json", HTTP_IDEMPOTENCY_KEY="x" * 300).status_code == 400
