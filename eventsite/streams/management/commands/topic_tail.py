"""`manage.py topic_tail TOPIC [--from N] [--follow]`: print messages as JSON lines."""
import json
import time

from django.core.management.base import BaseCommand, CommandError
from pynamodb.exceptions import PynamoDBException

from eventsite.api.errors import ApplicationError
from eventsite.streams import selectors, services


class Command(BaseCommand):
    help = "Print a topic's messages as JSON lines; --follow keeps polling for new ones (Ctrl-C stops)."

    def add_arguments(self, parser):
        parser.add_argument("topic")
        parser.add_argument("--from", dest="start", type=int, default=1)
        parser.add_argument("--follow", action="store_true")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls with --follow")

    def handle(self, *args, topic, start, follow, interval, **options):
        try:
            services.validate_topic(topic)
        except ApplicationError as exc:
            raise CommandError(exc.detail) from exc
        if start < 1:
            raise CommandError("--from must be 1 or more.")
        offset = start
        try:
            while True:
                batch = selectors.messages_from(topic=topic, offset=offset, limit=100)
                for message in batch:
                    self.stdout.write(json.dumps({"offset": message.offset, "payload": message.payload,
                                                  "timestamp_ms": message.timestamp_ms}, ensure_ascii=False))
                    offset = message.offset + 1
                if len(batch) == 100:
                    continue
                if not follow:
                    return
                self.stdout.flush()
                time.sleep(interval)
        except KeyboardInterrupt:
            return
        except PynamoDBException as exc:
            raise CommandError("DynamoDB refused or is unreachable.") from exc
