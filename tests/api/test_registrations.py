"""Registrations and the waitlist over the API: every case of DESIGN's table."""
import pytest

from tests.conftest import new_id


@pytest.fixture
def event(admin, make_event):
    return make_event(client=admin, capacity=2, hasWaitlist=True)


def register(client, event_id, user_id=None):
    body = {} if user_id is None else {"userId": user_id}
    return client.post(f"/events/{event_id}/registrations", body, format="json")


def test_member_registers_itself_confirmed(event, make_user):
    user_id, client = make_user()
    response = register(client, event["eventId"])
    assert response.status_code == 201
    body = response.json()
    assert body["userId"] == user_id and body["status"] == "confirmed" and body["registeredAt"]


def test_full_event_with_waitlist_waitlists_with_place_in_line(event, make_user, admin):
    clients = [make_user()[1] for _ in range(4)]
    statuses = [register(c, event["eventId"]).json() for c in clients]
    assert [s["status"] for s in statuses] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert [s.get("placeInLine") for s in statuses[2:]] == [1, 2]
    counts = admin.get(f"/events/{event['eventId']}").json()
    assert (counts["confirmedCount"], counts["waitlistCount"]) == (2, 2)


def test_full_event_without_waitlist_is_409(admin, make_event, make_user):
    event = make_event(client=admin, capacity=1)
    assert register(make_user()[1], event["eventId"]).status_code == 201
    assert register(make_user()[1], event["eventId"]).status_code == 409


def test_inactive_event_is_409(admin, make_event, make_user):
    event = make_event(client=admin, status="draft")
    assert register(make_user()[1], event["eventId"]).status_code == 409


def test_registering_twice_is_409(event, make_user):
    _, client = make_user()
    register(client, event["eventId"])
    assert register(client, event["eventId"]).status_code == 409


def test_unknown_event_or_user_is_404(admin, event):
    assert register(admin, new_id(), "someone").status_code == 404
    assert register(admin, event["eventId"], new_id("ghost")).status_code == 404


def test_member_cannot_register_someone_else(event, make_user):
    other, _ = make_user()
    _, client = make_user()
    assert register(client, event["eventId"], other).status_code == 403


def test_registration_without_key_is_401(anon, event):
    assert register(anon, event["eventId"], "x").status_code == 401


def test_bad_registration_bodies_are_422(event, make_user):
    _, client = make_user()
    for body in ({"userId": 5}, {"userId": "bad id"}, {"extra": 1}, [1]):
        assert client.post(f"/events/{event['eventId']}/registrations", body, format="json").status_code == 422


def test_cancel_confirmed_promotes_earliest_waiter(event, make_user, admin):
    users = [make_user() for _ in range(4)]
    for _, client in users:
        register(client, event["eventId"])
    first_id, first_client = users[0]
    assert first_client.delete(f"/events/{event['eventId']}/registrations/{first_id}").status_code == 204
    listed = admin.get(f"/events/{event['eventId']}/registrations").json()
    by_user = {r["userId"]: r for r in listed}
    assert first_id not in by_user
    assert by_user[users[2][0]]["status"] == "confirmed" and "promotedAt" in by_user[users[2][0]]
    assert by_user[users[3][0]]["status"] == "waitlisted"
    counts = admin.get(f"/events/{event['eventId']}").json()
    assert (counts["confirmedCount"], counts["waitlistCount"]) == (2, 1)


def test_cancel_waitlisted_leaves_seats_alone(event, make_user, admin):
    users = [make_user() for _ in range(3)]
    for _, client in users:
        register(client, event["eventId"])
    waiter_id, waiter = users[2]
    assert waiter.delete(f"/events/{event['eventId']}/registrations/{waiter_id}").status_code == 204
    counts = admin.get(f"/events/{event['eventId']}").json()
    assert (counts["confirmedCount"], counts["waitlistCount"]) == (2, 0)


def test_cancel_unknown_registration_is_404(event, make_user):
    user_id, client = make_user()
    assert client.delete(f"/events/{event['eventId']}/registrations/{user_id}").status_code == 404


def test_member_cannot_cancel_someone_else(event, make_user):
    victim, victim_client = make_user()
    register(victim_client, event["eventId"])
    _, other = make_user()
    assert other.delete(f"/events/{event['eventId']}/registrations/{victim}").status_code == 403


def test_organizer_sees_and_cancels_registrations_of_own_event(organizer, make_event, make_user):
    event = make_event(capacity=3)
    user_id, client = make_user()
    register(client, event["eventId"])
    assert [r["userId"] for r in organizer.get(f"/events/{event['eventId']}/registrations").json()] == [user_id]
    assert organizer.delete(f"/events/{event['eventId']}/registrations/{user_id}").status_code == 204


def test_other_organizer_and_members_cannot_list_registrations(other_organizer, make_event, make_user):
    event = make_event(capacity=3)
    _, member = make_user()
    assert other_organizer.get(f"/events/{event['eventId']}/registrations").status_code == 403
    assert member.get(f"/events/{event['eventId']}/registrations").status_code == 403


def test_list_filters_by_status_in_registration_order(event, make_user, admin):
    users = [make_user() for _ in range(4)]
    for _, client in users:
        register(client, event["eventId"])
    waiting = admin.get(f"/events/{event['eventId']}/registrations", {"status": "waitlisted"}).json()
    assert [r["userId"] for r in waiting] == [users[2][0], users[3][0]]
    confirmed = admin.get(f"/events/{event['eventId']}/registrations", {"status": "confirmed"}).json()
    assert [r["userId"] for r in confirmed] == [users[0][0], users[1][0]]
    assert admin.get(f"/events/{event['eventId']}/registrations", {"status": "maybe"}).status_code == 400


def test_raising_capacity_promotes_in_order(event, make_user, admin):
    users = [make_user() for _ in range(5)]
    for _, client in users:
        register(client, event["eventId"])
    response = admin.patch(f"/events/{event['eventId']}", {"capacity": 4}, format="json")
    assert response.status_code == 200
    assert (response.json()["confirmedCount"], response.json()["waitlistCount"]) == (4, 1)
    confirmed = admin.get(f"/events/{event['eventId']}/registrations", {"status": "confirmed"}).json()
    assert {r["userId"] for r in confirmed} == {u for u, _ in users[:4]}


def test_lowering_capacity_below_confirmed_is_409(event, make_user, admin):
    for _ in range(2):
        register(make_user()[1], event["eventId"])
    assert admin.patch(f"/events/{event['eventId']}", {"capacity": 1}, format="json").status_code == 409
    assert admin.get(f"/events/{event['eventId']}").json()["capacity"] == 2


def test_turning_waitlist_off_keeps_waiters_but_stops_new_joins(event, make_user, admin):
    users = [make_user() for _ in range(3)]
    for _, client in users:
        register(client, event["eventId"])
    admin.patch(f"/events/{event['eventId']}", {"hasWaitlist": False}, format="json")
    assert register(make_user()[1], event["eventId"]).status_code == 409
    first_id, first = users[0]
    first.delete(f"/events/{event['eventId']}/registrations/{first_id}")
    confirmed = admin.get(f"/events/{event['eventId']}/registrations", {"status": "confirmed"}).json()
    assert users[2][0] in {r["userId"] for r in confirmed}


def test_deleting_event_deletes_its_registrations(event, make_user, admin):
    users = [make_user() for _ in range(3)]
    for _, client in users:
        register(client, event["eventId"])
    assert admin.delete(f"/events/{event['eventId']}").status_code == 204
    for user_id, client in users:
        assert client.get(f"/users/{user_id}/registrations").json() == []


def test_change_feed_follows_registrations_in_order(event, make_user, admin, organizer, other_organizer):
    users = [make_user() for _ in range(3)]
    for _, client in users:
        register(client, event["eventId"])
    first_id, first = users[0]
    first.delete(f"/events/{event['eventId']}/registrations/{first_id}")
    feed = admin.get(f"/topics/registrations.{event['eventId']}/consume", {"limit": 100}).json()["messages"]
    assert [(m["offset"], m["payload"]["type"], m["payload"]["userId"]) for m in feed] == [
        (1, "confirmed", users[0][0]), (2, "confirmed", users[1][0]), (3, "waitlisted", users[2][0]),
        (4, "cancelled", first_id), (5, "promoted", users[2][0])]
    topic = f"/topics/registrations.{event['eventId']}/consume"
    assert other_organizer.get(topic).status_code == 403 and first.get(topic).status_code == 403
