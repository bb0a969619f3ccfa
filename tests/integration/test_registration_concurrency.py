"""Registrations under concurrency against DynamoDB Local (real conditions and
transactions, 32 threads). The control test runs a naive count-then-write
registration through the same harness and shows it catches the oversell."""
import random
import time
import uuid

from eventsite.api.errors import Conflict
from registrations import services
from registrations.models import Event, Registration
from tests.integration.registration_harness import (
    ADMIN,
    make_users,
    replay_change_feed,
    storm,
    table_state,
    violations,
)


def new_event(capacity: int, waitlist: bool = True) -> str:
    data = {"eventId": f"storm-{uuid.uuid4().hex[:10]}", "title": "Storm", "description": "", "date": "2030-01-01",
            "location": "DC", "capacity": capacity, "organizer": "o", "status": "active", "hasWaitlist": waitlist}
    return services.event_create(principal=ADMIN, data=data).eventId


def register(event_id):
    return lambda user_id: services.registration_create(
        principal=ADMIN, event_id=event_id, user_id=user_id).registration.status


def test_200_concurrent_registrations_confirm_exactly_capacity():
    event_id = new_event(capacity=20)
    users = make_users(event_id, 200)
    result = storm(register(event_id), users)
    assert result.errors == []
    statuses = result.outcomes
    assert statuses.count("confirmed") == 20 and statuses.count("waitlisted") == 180
    assert violations(event_id) == []
    event = Event.get(event_id, consistent_read=True)
    assert (event.confirmedCount, event.waitlistCount) == (20, 180)


def test_concurrent_registrations_without_waitlist_are_409_beyond_capacity():
    event_id = new_event(capacity=15, waitlist=False)
    users = make_users(event_id, 100)
    result = storm(register(event_id), users)
    assert sorted(set(result.outcomes)) == ["Conflict", "confirmed"]
    assert result.outcomes.count("confirmed") == 15
    assert all(e.endswith("This event is full and has no waitlist.") for e in result.errors)
    assert violations(event_id) == []


def test_same_user_registering_concurrently_gets_one_registration():
    event_id = new_event(capacity=5)
    [user] = make_users(event_id, 1)
    result = storm(register(event_id), [user] * 20)
    assert sorted(result.outcomes) == ["Conflict"] * 19 + ["confirmed"]
    assert len(list(Registration.query(user, Registration.eventId == event_id))) == 1
    assert violations(event_id) == []


def test_registrations_racing_without_single_flight_keep_invariants(settings):
    """With the per-process single flight off, every thread races on the event and
    the feed counter as separate Lambda instances would: conditions alone hold."""
    settings.STREAMS = {**settings.STREAMS, "single_flight": False}
    event_id = new_event(capacity=10)
    result = storm(register(event_id), make_users(event_id, 60), threads=16)
    assert result.errors == []
    assert sorted(set(result.outcomes)) == ["confirmed", "waitlisted"] and result.outcomes.count("confirmed") == 10
    assert violations(event_id) == []
    assert replay_change_feed(event_id) == table_state(event_id)


def test_mixed_cancellations_and_registrations_keep_invariants():
    event_id = new_event(capacity=10)
    first = make_users(event_id + "-a", 30)
    storm(register(event_id), first)
    later = make_users(event_id + "-b", 30)
    cancelled = random.Random(7).sample(first, 15)

    def act(arg):
        kind, user_id = arg
        if kind == "cancel":
            services.registration_cancel(principal=ADMIN, event_id=event_id, user_id=user_id)
            return "cancelled"
        return register(event_id)(user_id)

    work = [("cancel", u) for u in cancelled] + [("register", u) for u in later]
    random.Random(3).shuffle(work)
    result = storm(act, work)
    assert result.errors == []
    assert violations(event_id) == []
    event = Event.get(event_id, consistent_read=True)
    assert event.confirmedCount == 10 and event.waitlistCount == 30 + 30 - 15 - 10
    assert replay_change_feed(event_id) == table_state(event_id)


def naive_register(event_id):
    """The bug of seed 000: count, then write — no condition ties them."""

    def run(user_id):
        event = Event.get(event_id, consistent_read=True)
        confirmed = sum(1 for r in Registration.by_event.query(event_id) if r.status == "confirmed")
        time.sleep(0.02)  # the request's own latency between read and write
        if confirmed >= event.capacity:
            raise Conflict("full")
        Registration(user_id, event_id, status="confirmed", eventStatus=f"{event_id}#confirmed",
                     registeredAt="2026-01-01T00:00:00Z").save()
        event.update(actions=[Event.confirmedCount.add(1)])
        return "confirmed"

    return run


def test_control_harness_catches_naive_count_then_write():
    event_id = new_event(capacity=20, waitlist=False)
    users = make_users(event_id, 200)
    storm(naive_register(event_id), users)
    found = violations(event_id)
    services.event_delete(principal=ADMIN, event_id=event_id)  # leave no broken data for later checks
    assert any(v.endswith("(oversold)") for v in found), found
