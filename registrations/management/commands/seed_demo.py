"""`manage.py seed_demo`: add the demo data (safe to rerun)."""
from django.core.management.base import BaseCommand, CommandError
from pynamodb.exceptions import PynamoDBException

from registrations.demo import seed_demo


class Command(BaseCommand):
    help = "Add demo events (and users/registrations). Existing demo items are left as they are."

    def handle(self, *args, **options):
        try:
            result = seed_demo()
        except PynamoDBException as exc:
            raise CommandError("DynamoDB refused or is unreachable; run create_tables first.") from exc
        self.stdout.write(", ".join(f"{k}={v}" for k, v in result.items()))
