"""`manage.py verify_data` passes on consistent data and names each broken invariant."""
import io
import uuid

import pytest
from django.core.management import CommandError, call_command

from eventsite.calendars.models import CalendarEvent
from eventsite.streams.models import StreamMessage, StreamTopic
from registrations import services
from registrations.models import Event, Registration
from tests.integration.registration_harness import ADMIN, make_users


def run() -> str:
    out = io.StringIO()
    call_command("verify_data", stdout=out)
    return out.getvalue()


def _wipe():
    from eventsite.dynamo.models import REGISTRY

    for model in REGISTRY:
        if model.logical_name not in ("ApiKeys", "Users"):
            with model.batch_write() as batch:
                for item in model.scan():
                    batch.delete(item)


@pytest.fixture
def clean_data():
    """Empty tables before, and after: these tests break invariants on purpose."""
    _wipe()
    yield
    _wipe()


@pytest.fixture
def event_with_waitlist(clean_data):
    event_id = f"v-{uuid.uuid4().hex[:8]}"
    services.event_create(principal=ADMIN, data={
        "eventId": event_id, "title": "V", "description": "", "date": "2030-01-01", "location": "DC",
        "capacity": 1, "organizer": "o", "status": "active", "hasWaitlist": True})
    for user in make_users(event_id, 3):
        services.registration_create(principal=ADMIN, event_id=event_id, user_id=user)
    return event_id


def test_consistent_data_passes(event_with_waitlist):
    assert "all invariants hold" in run()


def test_wrong_counter_is_reported(event_with_waitlist):
    Event(event_with_waitlist).update(actions=[Event.waitlistCount.set(5)])
    with pytest.raises(CommandError):
        run()


def test_orphaned_registration_is_reported(event_with_waitlist, capsys):
    Registration("ghost", "no-such-event", status="confirmed", eventStatus="no-such-event#confirmed",
                 registeredAt="2026-01-01T00:00:00Z").save()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("verify_data", stdout=out)
    assert "its event does not exist" in out.getvalue()


def test_calendar_item_without_group_is_reported(clean_data):
    CalendarEvent("orphan", start_datetime="2030-01-01", end_datetime="2030-01-02", title="x", state="ALL",
                  location_type="in_person", group_id="missing-group", group_name="M", source_type="ical",
                  last_seen_date="2030-01-01", created_at="x", updated_at="x").save()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("verify_data", stdout=out)
    assert "does not exist" in out.getvalue()


def test_stream_gap_is_reported(clean_data):
    from datetime import datetime, timedelta, timezone

    StreamTopic("gappy", latest_offset=3).save()
    for offset in (1, 3):
        StreamMessage("gappy", offset, payload="1", size=1, timestamp_ms=1,
                      expires_at=datetime.now(timezone.utc) + timedelta(days=1)).save()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("verify_data", stdout=out)
    assert "gap in offsets (missing [2])" in out.getvalue()
