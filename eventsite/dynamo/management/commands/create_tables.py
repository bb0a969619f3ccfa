"""`manage.py create_tables`: create every table from the model specs (idempotent)."""
from botocore.exceptions import BotoCoreError, ClientError
from django.core.management.base import BaseCommand, CommandError

from eventsite.dynamo.tables import create_tables


class Command(BaseCommand):
    help = "Create every DynamoDB table (with its indexes and TTL) described by the models. Safe to rerun."

    def handle(self, *args, **options):
        try:
            results = create_tables()
        except (BotoCoreError, ClientError) as exc:
            raise CommandError(f"DynamoDB is not reachable or refused the request: {exc}") from exc
        for name, outcome in results.items():
            self.stdout.write(f"{outcome:9} {name}")
