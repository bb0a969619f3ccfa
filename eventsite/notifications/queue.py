"""Queueing notification messages on SQS after a registration change commits.

The message id is the change-feed position (`registrations.{eventId}:{offset}`),
so a message queued twice is still mailed once. Queueing is best effort:
the registration has already committed; a failure is logged (and the change
is still in the feed)."""
from __future__ import annotations

import json
import logging

from django.conf import settings

from eventsite import aws

log = logging.getLogger("eventsite.notifications")

KINDS = ("confirmed", "waitlisted", "promoted", "cancelled")


def sqs_client():
    return aws.client("sqs", settings.NOTIFICATIONS["sqs_endpoint_url"], read_timeout=5, max_attempts=2)


def notifications_enqueue(*, topic: str, changes: list[tuple[int, dict]]) -> None:
    """Queue one message per registration change ((offset, payload) pairs)."""
    queue_url = settings.NOTIFICATIONS["queue_url"]
    entries = [
        {"Id": str(offset), "MessageBody": json.dumps({"id": f"{topic}:{offset}", **payload})}
        for offset, payload in changes if payload.get("type") in KINDS
    ]
    if not queue_url or not entries:
        return
    try:
        for start in range(0, len(entries), 10):
            sqs_client().send_message_batch(QueueUrl=queue_url, Entries=entries[start:start + 10])
    except Exception:  # noqa: BLE001 - the change is committed; mail is best effort
        log.exception("could not queue %d notifications for %s", len(entries), topic)
