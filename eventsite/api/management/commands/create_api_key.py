"""`manage.py create_api_key --role admin|organizer|member --name NAME [--user-id ID]`.
Prints the new key alone on the last line of its output."""
from botocore.exceptions import BotoCoreError
from django.core.management.base import BaseCommand, CommandError
from pynamodb.exceptions import PynamoDBException

from eventsite.api.errors import ApplicationError
from eventsite.api.keys import api_key_create
from eventsite.api.models import ROLES


class Command(BaseCommand):
    help = "Create an API key. Only its hash is stored: the key is shown once, on the last line."

    def add_arguments(self, parser):
        parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument("--name", required=True)
        parser.add_argument("--user-id", dest="user_id", default=None)

    def handle(self, *args, role, name, user_id, **options):
        if user_id is not None:
            from registrations.selectors import user_get_or_none

            if user_get_or_none(user_id=user_id) is None:
                raise CommandError(f"No user with id {user_id!r}: create it first (POST /users).")
        try:
            raw, record = api_key_create(role=role, name=name, user_id=user_id)
        except ApplicationError as exc:
            raise CommandError(exc.detail) from exc
        except (PynamoDBException, BotoCoreError) as exc:
            raise CommandError("DynamoDB is not reachable; is `make run` (or your endpoint) up?") from exc
        self.stdout.write(f"Created {role} key {record.keyId} named {record.name!r}" +
                          (f" for user {user_id}" if user_id else "") + ". Store it now; it is not shown again:")
        self.stdout.write(raw)
