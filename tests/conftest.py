"""Shared fixtures. One DynamoDB Local (in memory) per test session, tables
created from the model specs; API keys for each role; DRF clients."""
from __future__ import annotations

import os
import uuid

import pytest

os.environ["EVENTSITE_STATE_DIR"] = os.path.join(os.path.dirname(__file__), ".state-unused")
os.environ.pop("DYNAMODB_ENDPOINT_URL", None)


@pytest.fixture(scope="session", autouse=True)
def dynamodb_local():
    """Start DynamoDB Local once, point every model at it, create the tables."""
    from django.conf import settings

    from eventsite.dynamo.connection import configure_models
    from eventsite.dynamo.local import DynamoDBLocal
    from eventsite.dynamo.tables import create_tables

    server = DynamoDBLocal()
    endpoint = server.start()
    settings.DYNAMODB["endpoint_url"] = endpoint
    settings.DYNAMODB["table_prefix"] = "test-"
    # Property and fuzz tests write thousands of times a minute from one key and address;
    # the throttle tests lower these limits themselves.
    settings.THROTTLE.update(writes_per_minute_per_key=10**9, writes_per_minute_per_address=10**9)
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    configure_models()
    create_tables()
    yield endpoint
    server.stop()


@pytest.fixture(scope="session", autouse=True)
def moto_server(dynamodb_local):
    """A moto server for S3 (stream payloads), started once per session."""
    from django.conf import settings
    from moto.server import ThreadedMotoServer

    from eventsite.dynamo.local import free_port
    from eventsite.streams.storage import ensure_bucket

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    settings.STREAMS["s3_endpoint_url"] = f"http://127.0.0.1:{port}"
    settings.STREAMS["bucket"] = "eventsite-test-streams"
    ensure_bucket()
    yield settings.STREAMS["s3_endpoint_url"]
    server.stop()


@pytest.fixture
def clean_events():
    """Returns a function that empties the event tables (for whole-listing tests).
    API keys and users are kept: the session's keys stay valid."""
    from registrations.models import Event

    def clean():
        for model in (Event,):
            with model.batch_write() as batch:
                for item in model.scan():
                    batch.delete(item)

    return clean


def new_id(prefix: str = "t") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def keys(dynamodb_local):
    """One key per role; the member key is bound to a real user."""
    from eventsite.api.keys import api_key_create
    from registrations.models import User

    member_user = new_id("member")
    User(member_user, name="Member", createdAt="2026-01-01T00:00:00Z").save()
    admin, _ = api_key_create(role="admin", name="test admin")
    organizer, _ = api_key_create(role="organizer", name="test organizer")
    other_organizer, _ = api_key_create(role="organizer", name="other organizer")
    member, _ = api_key_create(role="member", name="test member", user_id=member_user)
    return {"admin": admin, "organizer": organizer, "other_organizer": other_organizer,
            "member": member, "member_user": member_user}


def _client(key: str | None):
    from rest_framework.test import APIClient

    client = APIClient()
    if key:
        client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return client


@pytest.fixture
def anon():
    return _client(None)


@pytest.fixture
def admin(keys):
    return _client(keys["admin"])


@pytest.fixture
def organizer(keys):
    return _client(keys["organizer"])


@pytest.fixture
def other_organizer(keys):
    return _client(keys["other_organizer"])


@pytest.fixture
def member(keys):
    return _client(keys["member"])


def event_body(**overrides) -> dict:
    body = {"title": "Meetup", "description": "Talks", "date": "2030-05-01", "location": "Washington, DC",
            "capacity": 10, "organizer": "DC Python", "status": "active"}
    body.update(overrides)
    return body


@pytest.fixture
def make_event(organizer):
    """Create an event through the API (as the test organizer) and return its body."""

    def make(client=None, **overrides):
        response = (client or organizer).post("/events", event_body(**overrides), format="json")
        assert response.status_code == 201, response.content
        return response.json()

    return make


@pytest.fixture
def make_user(anon):
    """Sign up a user; returns (userId, member APIClient bound to it)."""

    def make(**overrides):
        body = {"userId": new_id("u"), "name": "Ada", **overrides}
        response = anon.post("/users", body, format="json")
        assert response.status_code == 201, response.content
        return body["userId"], _client(response.json()["apiKey"])

    return make


@pytest.fixture
def feed_server():
    from tests.feeds import FeedServer

    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def make_group():
    """Create a group pointing at a feed URL; returns the Group."""
    from eventsite.calendars.models import Group

    def make(ical: str, **fields):
        group = Group(new_id("g"), name=fields.pop("name", "Test Group"), ical=ical, active=True,
                      website="https://example.org/g", **fields)
        group.save()
        return group

    return make
