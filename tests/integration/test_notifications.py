"""The notification worker: partial batch failures, idempotency, poison
messages to the DLQ (moto SQS), users without email, and queueing from
registrations."""
import json
import uuid

import boto3
import pytest
from django.core import mail

from eventsite.notifications import worker
from registrations import services
from registrations.models import User
from tests.integration.registration_harness import ADMIN


@pytest.fixture
def mailbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail.outbox


def user(email="ada@example.org"):
    user_id = f"n-{uuid.uuid4().hex[:10]}"
    User(user_id, name="Ada", email=email, createdAt="2026-01-01T00:00:00Z").save()
    return user_id


def event():
    data = {"eventId": f"n-{uuid.uuid4().hex[:10]}", "title": "Mail Night", "description": "", "date": "2030-01-01",
            "location": "DC", "capacity": 1, "organizer": "o", "status": "active", "hasWaitlist": True}
    return services.event_create(principal=ADMIN, data=data).eventId


def record(body, message_id=None):
    return {"messageId": message_id or uuid.uuid4().hex, "body": body if isinstance(body, str) else json.dumps(body)}


def change(kind, event_id, user_id, offset=1):
    return {"id": f"registrations.{event_id}:{offset}", "type": kind, "eventId": event_id, "userId": user_id}


def test_sends_one_email_per_change(mailbox):
    event_id, user_id = event(), user()
    result = worker.handler({"Records": [record(change("confirmed", event_id, user_id))]}, None)
    assert result == {"batchItemFailures": []}
    assert len(mailbox) == 1 and mailbox[0].subject == "You're registered: Mail Night"
    assert mailbox[0].to == ["ada@example.org"]


def test_same_message_twice_sends_one_email(mailbox):
    message = change("waitlisted", event(), user())
    worker.handler({"Records": [record(message)]}, None)
    worker.handler({"Records": [record(message)]}, None)
    assert len(mailbox) == 1


def test_partial_batch_failure_reports_only_the_bad_record(mailbox):
    good = record(change("promoted", event(), user()), "good-1")
    poison = record("not json at all", "poison-1")
    result = worker.handler({"Records": [good, poison]}, None)
    assert result == {"batchItemFailures": [{"itemIdentifier": "poison-1"}]}
    assert len(mailbox) == 1


def test_failed_send_releases_the_claim_so_a_retry_sends(mailbox, monkeypatch):
    message = change("cancelled", event(), user())
    monkeypatch.setattr(worker, "send_mail", lambda *a, **k: (_ for _ in ()).throw(ConnectionError("smtp down")))
    assert worker.handler({"Records": [record(message, "m1")]}, None)["batchItemFailures"] == [{"itemIdentifier": "m1"}]
    monkeypatch.undo()
    assert worker.handler({"Records": [record(message, "m1")]}, None)["batchItemFailures"] == []
    assert len(mailbox) == 1


def test_users_without_email_get_none(mailbox):
    result = worker.handler({"Records": [record(change("confirmed", event(), user(email=None)))]}, None)
    assert result == {"batchItemFailures": []} and mailbox == []


def test_poison_message_ends_in_the_dlq_after_five_receives(moto_server):
    sqs = boto3.client("sqs", endpoint_url=moto_server, region_name="us-east-1")
    dlq = sqs.create_queue(QueueName=f"dlq-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}", Attributes={
        "VisibilityTimeout": "0", "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "5"})
    })["QueueUrl"]
    sqs.send_message(QueueUrl=queue, MessageBody="{broken")
    receives = 0
    for _ in range(10):  # what the event source mapping does: receive, invoke, delete only successes
        messages = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
        if not messages:
            continue
        receives += 1
        records = [{"messageId": m["MessageId"], "body": m["Body"]} for m in messages]
        failed = {f["itemIdentifier"] for f in worker.handler({"Records": records}, None)["batchItemFailures"]}
        for m in messages:
            if m["MessageId"] not in failed:
                sqs.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
    assert receives == 5
    moved = sqs.receive_message(QueueUrl=dlq, MaxNumberOfMessages=10).get("Messages", [])
    assert [m["Body"] for m in moved] == ["{broken"]


def test_registrations_queue_one_message_per_change(moto_server, settings):
    sqs = boto3.client("sqs", endpoint_url=moto_server, region_name="us-east-1")
    queue = sqs.create_queue(QueueName=f"notify-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    settings.NOTIFICATIONS = {"queue_url": queue, "sqs_endpoint_url": moto_server}
    event_id, first, second = event(), user(), user()
    services.registration_create(principal=ADMIN, event_id=event_id, user_id=first)
    services.registration_create(principal=ADMIN, event_id=event_id, user_id=second)
    services.registration_cancel(principal=ADMIN, event_id=event_id, user_id=first)
    bodies = []
    while True:
        batch = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
        if not batch:
            break
        bodies += [json.loads(m["Body"]) for m in batch]
        for m in batch:
            sqs.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
    assert sorted((b["type"], b["userId"]) for b in bodies) == sorted(
        [("confirmed", first), ("waitlisted", second), ("cancelled", first), ("promoted", second)])
    assert len({b["id"] for b in bodies}) == 4
