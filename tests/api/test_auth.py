"""API-key authentication and roles on /events."""
import hashlib

from eventsite.api.keys import api_key_create
from eventsite.api.models import ApiKey
from tests.conftest import event_body


def test_write_without_key_is_401_with_challenge(anon):
    response = anon.post("/events", event_body(), format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Api-Key")


def test_wrong_key_is_401_even_on_public_read(anon):
    anon.credentials(HTTP_AUTHORIZATION="Api-Key esk_nothere_abc")
    assert anon.get("/events").status_code == 401


def test_other_scheme_is_401(anon):
    anon.credentials(HTTP_AUTHORIZATION="Bearer abc")
    assert anon.get("/events").status_code == 401


def test_public_reads_need_no_key(anon):
    assert anon.get("/events").status_code == 200


def test_member_cannot_create_events(member):
    assert member.post("/events", event_body(), format="json").status_code == 403


def test_organizer_cannot_change_or_delete_another_organizers_event(other_organizer, make_event):
    event = make_event()
    assert other_organizer.patch(f"/events/{event['eventId']}", {"title": "x"}, format="json").status_code == 403
    assert other_organizer.delete(f"/events/{event['eventId']}").status_code == 403


def test_admin_may_change_any_event(admin, make_event):
    event = make_event()
    assert admin.patch(f"/events/{event['eventId']}", {"title": "By admin"}, format="json").status_code == 200


def test_keys_are_stored_only_as_sha256_hash(dynamodb_local):
    raw, record = api_key_create(role="organizer", name="hash check")
    stored = ApiKey.get(hashlib.sha256(raw.encode()).hexdigest())
    assert stored.keyId == record.keyId
    assert raw not in str(stored.attribute_values)
    assert raw.split("_", 2)[2] not in str(stored.attribute_values)


def test_rejected_write_leaves_data_unchanged(member, anon, make_event):
    event = make_event()
    member.patch(f"/events/{event['eventId']}", {"title": "hacked"}, format="json")
    assert anon.get(f"/events/{event['eventId']}").json()["title"] == event["title"]
