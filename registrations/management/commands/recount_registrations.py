"""`manage.py recount_registrations [--event ID] [--fix]`: compare each
event's confirmedCount/waitlistCount with its registrations; with --fix,
set the counters to the real counts. Exits 1 while a mismatch remains."""
from django.core.management.base import BaseCommand, CommandError
from pynamodb.exceptions import PynamoDBException

from registrations import selectors, services


class Command(BaseCommand):
    help = "Report (and with --fix repair) event counters that disagree with the registrations table."

    def add_arguments(self, parser):
        parser.add_argument("--event", dest="event_id", default=None, help="Only this event")
        parser.add_argument("--fix", action="store_true", help="Set the counters to the real counts")

    def handle(self, *args, event_id, fix, **options):
        try:
            if event_id:
                event = selectors.event_get_or_none(event_id=event_id, consistent=True)
                if event is None:
                    raise CommandError(f"No event with id {event_id!r}.")
                events = [event]
            else:
                events = selectors.events_all()
            checked = remaining = fixed = 0
            for event in events:
                checked += 1
                confirmed, waitlisted = selectors.event_registration_counts(event_id=event.eventId)
                stored = (int(event.confirmedCount), int(event.waitlistCount))
                if stored == (confirmed, waitlisted):
                    continue
                line = (f"{event.eventId}: confirmedCount {stored[0]} (real {confirmed}), "
                        f"waitlistCount {stored[1]} (real {waitlisted})")
                if fix and services.event_counters_set(event=event, confirmed=confirmed, waitlisted=waitlisted):
                    fixed += 1
                    line += " -> fixed"
                else:
                    remaining += 1
                self.stdout.write(line)
        except PynamoDBException as exc:
            raise CommandError("DynamoDB refused or is unreachable.") from exc
        self.stdout.write(f"checked {checked} events: {fixed} fixed, {remaining} mismatched")
        if remaining:
            raise CommandError(f"{remaining} events have counters that disagree with their registrations.")
