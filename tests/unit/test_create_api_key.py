"""`manage.py create_api_key` prints the key alone on its last line."""
import io

import pytest
from django.core.management import CommandError, call_command

from eventsite.api.keys import principal_for


def run(*args) -> str:
    out = io.StringIO()
    call_command("create_api_key", *args, stdout=out)
    return out.getvalue()


def test_prints_working_key_on_last_line(dynamodb_local):
    last = run("--role", "organizer", "--name", "cli").strip().splitlines()[-1]
    principal = principal_for(last)
    assert principal is not None and principal.role == "organizer" and principal.name == "cli"


def test_member_key_needs_an_existing_user(dynamodb_local):
    with pytest.raises(CommandError):
        run("--role", "member", "--name", "m", "--user-id", "no-such-user")
    with pytest.raises(CommandError):
        run("--role", "member", "--name", "m")


def test_unknown_role_is_rejected(dynamodb_local):
    with pytest.raises(CommandError):
        run("--role", "root", "--name", "x")
