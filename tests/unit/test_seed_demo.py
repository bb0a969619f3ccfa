"""`manage.py seed_demo` is idempotent and fills the demo event's waitlist."""
import io

from django.core.management import call_command

from registrations.models import Event


def test_seed_demo_twice_changes_nothing_the_second_time(dynamodb_local):
    call_command("seed_demo", stdout=io.StringIO())
    before = Event.get("demo-pycon-dc", consistent_read=True)
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    after = Event.get("demo-pycon-dc", consistent_read=True)
    assert "events_created=0, users_created=0, registrations_created=0" in out.getvalue()
    assert (after.confirmedCount, after.waitlistCount) == (before.confirmedCount, before.waitlistCount) == (3, 2)
