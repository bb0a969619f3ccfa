"""`manage.py refresh_calendars [--group ID]`: fetch and store groups' feeds.
Prints one line per group; exits 1 if a requested group does not exist."""
from django.core.management.base import BaseCommand, CommandError
from pynamodb.exceptions import PynamoDBException

from eventsite.calendars.services import calendar_refresh


class Command(BaseCommand):
    help = "Refresh every active group's iCal feed (or one group's)."

    def add_arguments(self, parser):
        parser.add_argument("--group", dest="group_id", default=None)

    def handle(self, *args, group_id, **options):
        try:
            outcomes = calendar_refresh(group_id=group_id)
        except PynamoDBException as exc:
            raise CommandError("DynamoDB refused or is unreachable; run create_tables first.") from exc
        if group_id is not None and not outcomes:
            raise CommandError(f"No group with id {group_id!r}.")
        for o in outcomes:
            detail = f"error: {o.error}" if o.error else f"{o.events} events, {o.written} written, {o.deleted} deleted"
            if o.skipped_events:
                detail += f", {len(o.skipped_events)} unreadable events skipped"
            self.stdout.write(f"{o.status:12} {o.group_id}: {detail}")
        written = sum(o.written for o in outcomes)
        errors = sum(1 for o in outcomes if o.status == "error")
        self.stdout.write(f"{len(outcomes)} groups, {errors} errors, {written} events written")
