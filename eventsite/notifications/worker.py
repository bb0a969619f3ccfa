"""SQS worker Lambda: sends registration emails.

- Partial batch failure: only the failed records are returned in
  `batchItemFailures`, so SQS redelivers just those (the event source mapping
  has ReportBatchItemFailures on).
- Idempotent per message: a conditional put on SentNotifications claims the
  message id before sending; a duplicate delivery finds the claim and sends
  nothing. A failed send releases the claim so the retry can send.
- A poison message (unreadable body) fails every time and lands in the DLQ
  after the queue's maxReceiveCount (5) receives.
- Users without an email get none."""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timedelta, timezone

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eventsite.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.mail import send_mail  # noqa: E402
from pynamodb.exceptions import PutError  # noqa: E402

from eventsite.dynamo.errors import is_condition_failure  # noqa: E402
from eventsite.dynamo.models import iso_now  # noqa: E402
from registrations.models import Event, User  # noqa: E402

from .emails import SUBJECTS, render  # noqa: E402
from .models import SentNotification  # noqa: E402

log = logging.getLogger("eventsite.notifications")


class PoisonMessage(ValueError):
    pass


def _parse(body: str) -> dict:
    try:
        message = json.loads(body)
    except (TypeError, ValueError) as exc:
        raise PoisonMessage("body is not JSON") from exc
    if not isinstance(message, dict) or message.get("type") not in SUBJECTS or not all(
            isinstance(message.get(k), str) and message.get(k) for k in ("id", "eventId", "userId")):
        raise PoisonMessage("not a registration notification")
    return message


def _claim(message_id: str) -> bool:
    """True if this delivery may send; False if the message was already handled."""
    record = SentNotification(message_id, status="sending", updated_at=iso_now(),
                              expires_at=datetime.now(timezone.utc) + timedelta(days=14))
    try:
        record.save(condition=SentNotification.message_id.does_not_exist())
        return True
    except PutError as exc:
        if is_condition_failure(exc):
            return False
        raise


def process(message: dict) -> str:
    """Send one notification; returns what happened (sent, duplicate, no-email)."""
    user = User.get_or_none(message["userId"])
    if user is None or not user.email:
        return "no-email"
    if not _claim(message["id"]):
        return "duplicate"
    try:
        event = Event.get_or_none(message["eventId"])
        subject, body = render(message["type"], name=user.name, title=event.title if event else message["eventId"],
                               date=event.date if event else "", location=event.location if event else "")
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception:
        SentNotification(message["id"]).delete()  # let the redelivery try again
        raise
    SentNotification(message["id"]).update(actions=[SentNotification.status.set("sent"),
                                                     SentNotification.updated_at.set(iso_now())])
    return "sent"


def handler(event, context):
    failures = []
    for record in event.get("Records", []):
        try:
            outcome = process(_parse(record.get("body")))
            log.info("notification %s: %s", record.get("messageId"), outcome)
        except Exception as exc:  # noqa: BLE001 - reported per record, never the whole batch
            log.warning("notification %s failed: %s", record.get("messageId"), type(exc).__name__)
            failures.append({"itemIdentifier": record.get("messageId")})
    return {"batchItemFailures": failures}
