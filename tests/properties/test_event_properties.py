"""The 15 correctness properties of seed 001, through the HTTP layer against
DynamoDB Local. Each runs at least 100 examples."""
from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.properties.strategies import (
    REQUIRED,
    STRING_FIELDS,
    event_bodies,
    event_ids,
    invalid_dates,
    partial_updates,
    stored,
    wrong_types_for_bool,
    wrong_types_for_capacity,
    wrong_types_for_string,
)

PROPERTY = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def unique(body: dict) -> dict:
    """Make a generated eventId unique across examples (ids may repeat between examples)."""
    if "eventId" in body:
        body = {**body, "eventId": f"{body['eventId']}-{uuid.uuid4().hex[:8]}"}
    return body


def create(client, body):
    response = client.post("/events", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def assert_fields_equal(actual: dict, body: dict):
    for key, value in stored(body).items():
        assert actual[key] == value, key


# Feature: event-management-api, Property 1: Create-Retrieve Round Trip
@PROPERTY
@given(body=event_bodies())
def test_p01_create_retrieve_round_trip(organizer, anon, body):
    body = unique(body)
    created = create(organizer, body)
    fetched = anon.get(f"/events/{created['eventId']}")
    assert fetched.status_code == 200
    assert_fields_equal(fetched.json(), body)
    assert fetched.json() == created


# Feature: event-management-api, Property 2: Input Validation Completeness
@PROPERTY
@given(body=event_bodies(with_id=False), missing=st.sets(st.sampled_from(REQUIRED), min_size=1))
def test_p02_missing_required_fields_are_422_naming_each(organizer, body, missing):
    for name in missing:
        body.pop(name)
    response = organizer.post("/events", body, format="json")
    assert response.status_code == 422
    assert missing <= set(response.json()["errors"])


# Feature: event-management-api, Property 3: Type Validation
@PROPERTY
@given(body=event_bodies(with_id=False), data=st.data())
def test_p03_wrong_types_are_422_with_message(organizer, body, data):
    field = data.draw(st.sampled_from(STRING_FIELDS + ("capacity", "hasWaitlist", "date")))
    if field == "capacity":
        bad = data.draw(wrong_types_for_capacity)
    elif field == "hasWaitlist":
        bad = data.draw(wrong_types_for_bool)
    else:
        bad = data.draw(wrong_types_for_string)
    body[field] = bad
    response = organizer.post("/events", body, format="json")
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert response.json()["detail"]


# Feature: event-management-api, Property 4: Date Format Validation
@PROPERTY
@given(body=event_bodies(with_id=False), bad_date=invalid_dates)
def test_p04_invalid_dates_are_422(organizer, body, bad_date):
    body["date"] = bad_date
    response = organizer.post("/events", body, format="json")
    assert response.status_code == 422
    assert "date" in response.json()["errors"]


# Feature: event-management-api, Property 5: Capacity Validation
@PROPERTY
@given(body=event_bodies(with_id=False), capacity=st.integers(max_value=-1))
def test_p05_negative_capacity_is_422(organizer, body, capacity):
    body["capacity"] = capacity
    response = organizer.post("/events", body, format="json")
    assert response.status_code == 422
    assert "capacity" in response.json()["errors"]


# Feature: event-management-api, Property 6: List Completeness
@PROPERTY
@given(bodies=st.lists(event_bodies(), max_size=6))
def test_p06_list_returns_exactly_the_created_events(organizer, anon, clean_events, bodies):
    clean_events()
    created = {create(organizer, unique(b))["eventId"] for b in bodies}
    listed = anon.get("/events").json()
    assert sorted(e["eventId"] for e in listed) == sorted(created)


# Feature: event-management-api, Property 7: Status Filter Correctness
@PROPERTY
@given(bodies=st.lists(event_bodies(with_id=False), max_size=6),
       statuses=st.lists(st.sampled_from(["a", "b", "c"]), min_size=6, max_size=6),
       wanted=st.sampled_from(["a", "b", "c"]))
def test_p07_status_filter_returns_only_and_all_matching(organizer, anon, bodies, statuses, wanted):
    run = uuid.uuid4().hex[:8]
    expected = set()
    for body, status in zip(bodies, statuses):
        event = create(organizer, {**body, "status": f"{status}-{run}"})
        if status == wanted:
            expected.add(event["eventId"])
    listed = anon.get("/events", {"status": f"{wanted}-{run}"}).json()
    assert all(e["status"] == f"{wanted}-{run}" for e in listed)
    assert {e["eventId"] for e in listed} == expected


# Feature: event-management-api, Property 8: Update Correctness
@PROPERTY
@given(body=event_bodies(with_id=False), update=partial_updates())
def test_p08_update_then_get_shows_new_values(organizer, anon, body, update):
    event = create(organizer, body)
    response = organizer.put(f"/events/{event['eventId']}", update, format="json")
    assert response.status_code == 200, response.content
    fetched = anon.get(f"/events/{event['eventId']}").json()
    assert_fields_equal(fetched, update)


# Feature: event-management-api, Property 9: Partial Update Preservation
@PROPERTY
@given(body=event_bodies(with_id=False), update=partial_updates())
def test_p09_partial_update_preserves_other_fields(organizer, anon, body, update):
    event = create(organizer, body)
    organizer.patch(f"/events/{event['eventId']}", update, format="json")
    fetched = anon.get(f"/events/{event['eventId']}").json()
    untouched = set(event) - set(update) - {"updatedAt"}
    assert {k: fetched[k] for k in untouched} == {k: event[k] for k in untouched}


# Feature: event-management-api, Property 10: Delete Removes Event
@PROPERTY
@given(body=event_bodies())
def test_p10_deleted_event_is_404(organizer, anon, body):
    event = create(organizer, unique(body))
    organizer.delete(f"/events/{event['eventId']}")
    assert anon.get(f"/events/{event['eventId']}").status_code == 404


# Feature: event-management-api, Property 11: Delete Success Status
@PROPERTY
@given(body=event_bodies())
def test_p11_delete_answers_200_or_204(organizer, body):
    event = create(organizer, unique(body))
    assert organizer.delete(f"/events/{event['eventId']}").status_code in (200, 204)


# Feature: event-management-api, Property 12: Not Found Error Handling
@PROPERTY
@given(event_id=event_ids, update=partial_updates())
def test_p12_unknown_ids_are_404_for_get_put_delete(organizer, anon, event_id, update):
    missing = f"{event_id}-missing-{uuid.uuid4().hex[:8]}"
    assert anon.get(f"/events/{missing}").status_code == 404
    assert organizer.put(f"/events/{missing}", update, format="json").status_code == 404
    assert organizer.delete(f"/events/{missing}").status_code == 404


# Feature: event-management-api, Property 13: Client-Provided EventId
@PROPERTY
@given(body=event_bodies(with_id=True))
def test_p13_client_event_id_is_used(organizer, body):
    body = unique(body)
    assert create(organizer, body)["eventId"] == body["eventId"]


# Feature: event-management-api, Property 14: Error Response Format
@PROPERTY
@given(case=st.sampled_from(["missing", "type", "not_found_get", "not_found_put", "bad_json", "no_key",
                             "unknown_field", "bad_limit"]),
       body=event_bodies(with_id=False))
def test_p14_every_error_has_a_detail_message(organizer, anon, case, body):
    missing = f"/events/none-{uuid.uuid4().hex}"
    if case == "missing":
        body.pop("title")
        response = organizer.post("/events", body, format="json")
    elif case == "type":
        response = organizer.post("/events", {**body, "capacity": "many"}, format="json")
    elif case == "not_found_get":
        response = anon.get(missing)
    elif case == "not_found_put":
        response = organizer.put(missing, {"title": "x"}, format="json")
    elif case == "bad_json":
        response = organizer.post("/events", "{" + body["title"], content_type="application/json")
    elif case == "no_key":
        response = anon.post("/events", body, format="json")
    elif case == "unknown_field":
        response = organizer.post("/events", {**body, "extra": 1}, format="json")
    else:
        response = anon.get("/events", {"limit": "0"})
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert isinstance(response.json()["detail"], str) and response.json()["detail"]


# Feature: event-management-api, Property 15: Create Success Status
@PROPERTY
@given(body=event_bodies())
def test_p15_create_is_201_with_complete_event(organizer, body):
    response = organizer.post("/events", unique(body), format="json")
    assert response.status_code == 201
    data = response.json()
    assert data["eventId"]
    assert set(REQUIRED) | {"eventId", "hasWaitlist", "confirmedCount", "waitlistCount"} <= set(data)
