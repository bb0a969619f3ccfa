"""Reading topics: consume is one Query (plus one S3 GET per large payload)."""
from __future__ import annotations

import json
from dataclasses import dataclass

from . import storage
from .models import ConsumerGroup, StreamMessage, StreamTopic


@dataclass(frozen=True)
class Message:
    offset: int
    payload: object
    timestamp_ms: int


def messages_from(*, topic: str, offset: int, limit: int) -> list[Message]:
    items = StreamMessage.query(topic, StreamMessage.offset >= offset, limit=limit, consistent_read=True)
    out = []
    for item in items:
        text = item.payload if item.s3_key is None else storage.get(item.s3_key).decode("utf-8")
        out.append(Message(int(item.offset), json.loads(text), int(item.timestamp_ms)))
    return out


def group_offset(*, topic: str, group: str) -> int:
    record = ConsumerGroup.get_or_none(topic, group, consistent_read=True)
    return int(record.committed_offset) if record is not None else 0


def topic_info(*, topic: str) -> dict | None:
    item = StreamTopic.get_or_none(topic, consistent_read=True)
    if item is None:
        return None
    groups = {g.group: int(g.committed_offset) for g in ConsumerGroup.query(topic, consistent_read=True)}
    return {"topic": topic, "latest_offset": int(item.latest_offset), "groups": groups}
