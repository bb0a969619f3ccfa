"""Counts DynamoDB calls and their time per request (for Server-Timing), using
PynamoDB's pre/post send signals and a context variable."""
from __future__ import annotations

import time
from contextvars import ContextVar
from dataclasses import dataclass, field

from pynamodb.signals import post_dynamodb_send, pre_dynamodb_send


@dataclass
class DynamoStats:
    calls: int = 0
    seconds: float = 0.0
    _started: dict = field(default_factory=dict)


_current: ContextVar[DynamoStats | None] = ContextVar("dynamo_stats", default=None)


def begin() -> DynamoStats:
    stats = DynamoStats()
    _current.set(stats)
    return stats


def current() -> DynamoStats | None:
    return _current.get()


def _pre(sender, operation_name=None, table_name=None, req_uuid=None, **_):
    stats = _current.get()
    if stats is not None:
        stats.calls += 1  # counted here: a call that fails never reaches _post
        stats._started[req_uuid] = time.perf_counter()


def _post(sender, operation_name=None, table_name=None, req_uuid=None, **_):
    stats = _current.get()
    if stats is not None:
        started = stats._started.pop(req_uuid, None)
        if started is not None:
            stats.seconds += time.perf_counter() - started


def install() -> None:
    pre_dynamodb_send.connect(_pre, weak=False)
    post_dynamodb_send.connect(_post, weak=False)

