"""Appending messages to a topic inside a caller's transaction.

`Outbox(topic)` reads the topic's latest offset; `stage(tx)` adds the counter
update (conditional on that offset still being the latest) and one put per
message. If another producer got there first, the transaction is cancelled
on the "topic" item and the caller retries with a fresh Outbox — so offsets
are gapless and each message commits together with the change it reports."""
from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from django.conf import settings

from eventsite.dynamo.models import iso_now
from eventsite.dynamo.transactions import Transaction

from .models import StreamMessage, StreamTopic

TOPIC_LABEL = "topic"
MESSAGE_LABEL = "message:"


def only_feed_moved(failed: set[str]) -> bool:
    """True when a cancelled transaction failed only on the feed's items:
    another writer took the offset, nothing else changed."""
    return bool(failed) and all(label == TOPIC_LABEL or label.startswith(MESSAGE_LABEL) for label in failed)


_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


@contextmanager
def single_flight(topic: str):
    """Serialise this process's writers to one topic. Correctness never
    depends on it — the counter condition does that across processes and
    Lambda instances — but threads of one server no longer burn DynamoDB
    capacity on transactions that are bound to lose the same race.
    STREAMS_SINGLE_FLIGHT=false turns it off (tests use that to race for real)."""
    if not settings.STREAMS["single_flight"]:
        yield
        return
    with _locks_guard:
        if len(_locks) > 10_000:
            _locks.clear()
        lock = _locks.setdefault(topic, threading.Lock())
    with lock:
        yield


def encode(payload) -> str:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def latest_offset(topic: str) -> int:
    item = StreamTopic.get_or_none(topic, consistent_read=True)
    return int(item.latest_offset) if item is not None else 0


class Outbox:
    def __init__(self, topic: str):
        self.topic = topic
        self.latest = latest_offset(topic)
        self.messages: list[StreamMessage] = []

    @property
    def next_offset(self) -> int:
        return self.latest + len(self.messages) + 1

    def add(self, payload=None, *, text: str | None = None, s3_key: str | None = None) -> int:
        """Queue one message; returns the offset it will have if the transaction commits."""
        text = encode(payload) if text is None else text
        now = datetime.now(timezone.utc)
        offset = self.next_offset
        self.messages.append(StreamMessage(
            self.topic, offset, payload=None if s3_key else text, s3_key=s3_key, size=len(text.encode()),
            timestamp_ms=int(time.time() * 1000),
            expires_at=now + timedelta(days=settings.STREAMS["retention_days"]),
        ))
        return offset

    def committed(self) -> list[tuple[int, dict]]:
        """(offset, payload) of the staged messages, once their transaction committed."""
        return [(int(m.offset), json.loads(m.payload)) for m in self.messages if m.payload is not None]

    def stage(self, tx: Transaction) -> None:
        if not self.messages:
            return
        new_latest = self.latest + len(self.messages)
        condition = (StreamTopic.latest_offset == self.latest) if self.latest else StreamTopic.topic.does_not_exist()
        tx.update(TOPIC_LABEL, StreamTopic(self.topic),
                  actions=[StreamTopic.latest_offset.set(new_latest),
                           StreamTopic.created_at.set(StreamTopic.created_at | iso_now())],
                  condition=condition)
        for message in self.messages:
            tx.put(f"{MESSAGE_LABEL}{message.offset}", message, condition=StreamMessage.offset.does_not_exist())
