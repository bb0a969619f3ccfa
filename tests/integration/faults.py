"""Fault injection into the process's DynamoDB client (botocore event hook):
throttling, server errors, timeouts and an unreachable endpoint, before the
request leaves — so nothing half-sent can hide a bug."""
from __future__ import annotations

import json
import random
from contextlib import contextmanager

from botocore.awsrequest import AWSResponse
from botocore.exceptions import EndpointConnectionError, ReadTimeoutError

from eventsite.dynamo.connection import transact_connection


class _Raw:
    def __init__(self, body: bytes):
        self.body = body

    def stream(self, **kwargs):
        yield self.body


def _error(request, status: int, kind: str) -> AWSResponse:
    body = json.dumps({"__type": f"com.amazonaws.dynamodb.v20120810#{kind}", "message": "injected"}).encode()
    return AWSResponse(request.url, status, {"x-amzn-RequestId": "injected", "Content-Type":
                                             "application/x-amz-json-1.0"}, _Raw(body))


@contextmanager
def dynamodb_faults(rate: float, kinds=("throttle", "server", "timeout", "unreachable"), seed: int = 7):
    rng = random.Random(seed)
    injected = {"count": 0}

    def hook(request, **kwargs):
        if rng.random() >= rate:
            return None
        injected["count"] += 1
        kind = rng.choice(kinds)
        if kind == "throttle":
            return _error(request, 400, "ProvisionedThroughputExceededException")
        if kind == "server":
            return _error(request, 500, "InternalServerError")
        if kind == "timeout":
            raise ReadTimeoutError(endpoint_url=request.url)
        raise EndpointConnectionError(endpoint_url=request.url)

    client = transact_connection().client
    client.meta.events.register_first("before-send.dynamodb", hook)
    try:
        yield injected
    finally:
        client.meta.events.unregister("before-send.dynamodb", hook)
