"""The streams HTTP API: status codes, validation and permissions."""
import uuid

import pytest


def topic():
    return f"api.{uuid.uuid4().hex[:10]}"


def test_produce_then_consume(organizer, anon):
    name = topic()
    response = organizer.post(f"/topics/{name}/produce", {"payload": {"hello": "world"}}, format="json")
    assert response.status_code == 201 and response.json() == {"topic": name, "offset": 1}
    organizer.post(f"/topics/{name}/produce", {"payload": None}, format="json")
    body = anon.get(f"/topics/{name}/consume", {"offset": 1, "limit": 10}).json()
    assert [m["payload"] for m in body["messages"]] == [{"hello": "world"}, None]
    assert body["next_offset"] == 3 and all(m["timestamp_ms"] > 0 for m in body["messages"])


def test_consume_empty_topic_returns_requested_offset(anon):
    assert anon.get(f"/topics/{topic()}/consume", {"offset": 7}).json() == {"messages": [], "next_offset": 7}


@pytest.mark.parametrize("name", ["has space", "x" * 250, "bad/slash", "Ω"])
def test_invalid_topic_names_are_422(organizer, name):
    from urllib.parse import quote

    assert organizer.post(f"/topics/{quote(name, safe='')}/produce", {"payload": 1}, format="json").status_code in (
        404 if "/" in name else 422,)


def test_payload_missing_or_body_not_json_is_422(organizer):
    assert organizer.post(f"/topics/{topic()}/produce", {}, format="json").status_code == 422
    assert organizer.post(f"/topics/{topic()}/produce", "{nope", content_type="application/json").status_code == 422
    assert organizer.post(f"/topics/{topic()}/produce", {"payload": 1, "x": 2}, format="json").status_code == 422


def test_body_over_limit_is_413(organizer):
    big = '{"payload": "' + "x" * 300_000 + '"}'
    assert organizer.post(f"/topics/{topic()}/produce", big, content_type="application/json").status_code == 413


@pytest.mark.parametrize("params", [{"limit": "0"}, {"limit": "101"}, {"offset": "0"}, {"offset": "x"},
                                    {"group": "g", "offset": "1"}])
def test_bad_consume_parameters_are_400(anon, params):
    assert anon.get(f"/topics/{topic()}/consume", params).status_code == 400


def test_producing_needs_organizer_or_admin(anon, member):
    assert anon.post(f"/topics/{topic()}/produce", {"payload": 1}, format="json").status_code == 401
    assert member.post(f"/topics/{topic()}/produce", {"payload": 1}, format="json").status_code == 403


def test_registration_topics_cannot_be_produced_to(admin):
    assert admin.post("/topics/registrations.x/produce", {"payload": 1}, format="json").status_code == 403


def test_unknown_topic_is_404(anon):
    assert anon.get(f"/topics/{topic()}").status_code == 404
