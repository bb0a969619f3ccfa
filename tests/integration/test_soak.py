"""A bounded soak over real HTTP on loopback: mixed writes and reads against
two server processes sharing the test DynamoDB Local; nothing acknowledged is
lost and every invariant holds."""
import os

import pytest
from django.conf import settings

from bench.common import eventsite_server
from bench.soak import run_soak


@pytest.fixture
def servers(dynamodb_local, moto_server):
    env = {"DYNAMODB_ENDPOINT_URL": dynamodb_local, "DYNAMODB_TABLE_PREFIX": settings.DYNAMODB["table_prefix"],
           "AWS_ENDPOINT_URL_S3": moto_server, "STREAMS_BUCKET": settings.STREAMS["bucket"],
           "DJANGO_SECRET_KEY": "soak", "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
           "EVENTSITE_STATE_DIR": os.path.join(os.path.dirname(__file__), ".state-unused")}
    with eventsite_server(instances=2, env=env) as ports:
        yield ports


def test_soak_loses_nothing_and_keeps_invariants(servers, keys):
    result = run_soak(servers, keys["admin"], seconds=12, threads=6)
    assert result.requests > 200
    assert result.statuses.get("5xx", 0) == 0 and result.statuses.get("conn", 0) == 0
    assert result.registered and result.produced
    assert result.lost == []
    assert result.violations == []
