"""Write throttling per key and per address, held in DynamoDB."""
import pytest

from tests.conftest import event_body


@pytest.fixture
def low_limits(settings):
    settings.THROTTLE = {"writes_per_minute_per_key": 3, "writes_per_minute_per_address": 1000}


def test_fourth_write_in_a_minute_is_429_with_retry_after(low_limits, keys):
    from eventsite.api.keys import api_key_create
    from tests.conftest import _client

    raw, _ = api_key_create(role="organizer", name="throttled")
    client = _client(raw)
    statuses = [client.post("/events", event_body(), format="json").status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]
    response = client.post("/events", event_body(), format="json")
    assert response.status_code == 429 and 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["detail"].startswith("Too many requests")


def test_admin_keys_are_never_throttled(low_limits, admin):
    assert {admin.post("/events", event_body(), format="json").status_code for _ in range(5)} == {201}


def test_reads_are_not_throttled(low_limits, organizer):
    assert {organizer.get("/events", {"status": "x"}).status_code for _ in range(6)} == {200}


def test_per_address_limit_applies_to_anonymous_sign_up(settings, anon):
    settings.THROTTLE = {"writes_per_minute_per_key": 1000, "writes_per_minute_per_address": 2}
    anon.defaults["REMOTE_ADDR"] = "198.51.100.77"
    statuses = [anon.post("/users", {"name": "x"}, format="json").status_code for _ in range(3)]
    assert statuses == [201, 201, 429]


def test_limits_hold_across_instances_because_they_live_in_dynamodb(low_limits):
    """Two throttle objects (as two Lambda instances) share one count."""
    from eventsite.api import throttling

    window = 10**8
    scope = "key:shared-test"
    assert [throttling._hit(scope, window) for _ in range(2)] == [1, 2]
    assert throttling._hit(scope, window) == 3
