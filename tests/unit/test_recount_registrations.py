"""`manage.py recount_registrations` finds and repairs wrong counters."""
import io

import pytest
from django.core.management import CommandError, call_command

from registrations.models import Event


def run(*args) -> str:
    out = io.StringIO()
    call_command("recount_registrations", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def event_with_two(admin, make_event, make_user):
    event = make_event(client=admin, capacity=5)
    for _ in range(2):
        make_user()[1].post(f"/events/{event['eventId']}/registrations", {}, format="json")
    yield event["eventId"]
    admin.delete(f"/events/{event['eventId']}")  # the tests break its counters on purpose


def test_correct_counters_report_nothing(event_with_two):
    assert "0 fixed, 0 mismatched" in run("--event", event_with_two)


def test_wrong_counter_is_reported_with_nonzero_exit(event_with_two):
    Event(event_with_two).update(actions=[Event.confirmedCount.set(7)])
    with pytest.raises(CommandError):
        run("--event", event_with_two)


def test_fix_repairs_the_counter(event_with_two):
    Event(event_with_two).update(actions=[Event.confirmedCount.set(7)])
    out = run("--event", event_with_two, "--fix")
    assert "confirmedCount 7 (real 2)" in out and "fixed" in out
    assert Event.get(event_with_two).confirmedCount == 2


def test_unknown_event_is_a_cli_error(dynamodb_local):
    with pytest.raises(CommandError):
        run("--event", "no-such-event")
