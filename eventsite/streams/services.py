"""Producing to topics and committing consumer-group offsets."""
from __future__ import annotations

import re

from django.conf import settings

from eventsite.api.errors import Forbidden, NotFound, StoreUnavailable, ValidationFailed
from eventsite.api.keys import Principal
from eventsite.api.permissions import require_principal, require_role
from eventsite.dynamo.models import iso_now
from eventsite.dynamo.transactions import Transaction, TransactionCancelled, backoff, retry_window

from . import storage
from .models import ConsumerGroup
from .outbox import Outbox, encode, latest_offset, single_flight

TOPIC_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,249}$")
REGISTRATION_PREFIX = "registrations."
# a change feed is named after its event, whose id may also hold "~"
REGISTRATION_TOPIC = re.compile(r"^registrations\.[A-Za-z0-9._~-]{1,128}$")


def validate_topic(topic: str) -> str:
    if not (TOPIC_PATTERN.match(topic or "") or REGISTRATION_TOPIC.match(topic or "")):
        raise ValidationFailed("Topic names are 1-249 characters of A-Z a-z 0-9 . _ -",
                               errors={"topic": ["Invalid topic name."]})
    return topic


def require_topic_reader(principal, topic: str) -> None:
    """registrations.{eventId} topics are personal data: the event's organizer or an admin."""
    if not topic.startswith(REGISTRATION_PREFIX):
        return
    from registrations.access import require_event_manager
    from registrations.selectors import event_get_or_none

    principal = require_principal(principal)
    if principal.is_admin:
        return
    event = event_get_or_none(event_id=topic[len(REGISTRATION_PREFIX):])
    if event is None:
        raise Forbidden("Only an admin may read the change feed of a deleted event.")
    require_event_manager(principal, event)


def message_produce(*, principal: Principal, topic: str, payload) -> int:
    """Append one message; returns its offset. Large payloads go to S3 first."""
    require_role(principal, "admin", "organizer")
    validate_topic(topic)
    if topic.startswith(REGISTRATION_PREFIX):
        raise Forbidden("registrations.* topics are written by eventsite itself.")
    text = encode(payload)
    large = len(text.encode()) > settings.STREAMS["inline_limit_bytes"]
    for attempt in retry_window():
        with single_flight(topic):
            offset = _produce_once(topic, text, large)
        if offset is not None:
            return offset
        backoff(attempt)
    raise StoreUnavailable("This topic is very busy right now; retry in a moment.", retry_after=1)


def _produce_once(topic: str, text: str, large: bool) -> int | None:
    """One attempt at the next offset; None when another producer took it."""
    outbox = Outbox(topic)
    key = None
    if large:
        key = storage.object_key(topic, outbox.next_offset)
        try:
            storage.put_new(key, text.encode())
        except storage.ObjectTaken:
            storage.remove_if_orphaned(key)  # in flight elsewhere, or left by a producer that died
            return None
    offset = outbox.add(text=text, s3_key=key)
    tx = Transaction()
    outbox.stage(tx)
    try:
        tx.commit()
    except BaseException as exc:
        if key:
            storage.remove(key)  # ours and never referenced: no visible message, no gap
        if isinstance(exc, TransactionCancelled):
            return None
        raise
    return offset


def group_commit(*, principal: Principal, topic: str, group: str, offset: int) -> ConsumerGroup:
    require_principal(principal)
    validate_topic(topic)
    if not TOPIC_PATTERN.match(group or ""):
        raise ValidationFailed("Group names are 1-249 characters of A-Z a-z 0-9 . _ -",
                               errors={"group": ["Invalid group name."]})
    require_topic_reader(principal, topic)
    latest = latest_offset(topic)
    if latest == 0:
        raise NotFound(f"No topic {topic!r}.")
    if offset > latest:
        raise ValidationFailed(f"offset {offset} is past the latest offset {latest}.",
                               errors={"offset": ["Past the end of the topic."]})
    record = ConsumerGroup(topic, group, committed_offset=offset, updated_at=iso_now())
    record.save()
    return record
