"""`manage.py verify_data`: check cross-table invariants; exit 1 on any violation."""
from django.core.management.base import BaseCommand, CommandError
from pynamodb.exceptions import PynamoDBException


class Command(BaseCommand):
    help = ("Check registration counters, orphaned registrations, the waitlist queue, calendar items without "
            "a group and stream offsets without gaps. Exits 1 on any violation.")

    def handle(self, *args, **options):
        from eventsite.integrity import all_violations

        try:
            violations = all_violations()
        except PynamoDBException as exc:
            raise CommandError("DynamoDB refused or is unreachable.") from exc
        for line in violations:
            self.stdout.write(line)
        if violations:
            raise CommandError(f"{len(violations)} invariant violations.")
        self.stdout.write("all invariants hold")
