"""Topic streams against DynamoDB Local (and S3 on a moto server)."""
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from eventsite.api.keys import Principal
from eventsite.dynamo.transactions import Transaction
from eventsite.streams import selectors, services, storage
from eventsite.streams.models import StreamMessage

ORGANIZER = Principal(key_id="streams", name="streams", role="organizer")


def new_topic() -> str:
    return f"t.{uuid.uuid4().hex[:10]}"


def produce(topic, payload):
    return services.message_produce(principal=ORGANIZER, topic=topic, payload=payload)


def test_offsets_start_at_one_and_are_consecutive():
    topic = new_topic()
    assert [produce(topic, {"n": n}) for n in range(3)] == [1, 2, 3]


def test_20_threads_x_50_produces_give_offsets_1_to_1000():
    topic = new_topic()
    with ThreadPoolExecutor(max_workers=20) as pool:
        offsets = list(pool.map(lambda n: produce(topic, {"n": n}), range(1000)))
    assert sorted(offsets) == list(range(1, 1001))
    stored = [int(m.offset) for m in StreamMessage.query(topic, consistent_read=True)]
    assert stored == list(range(1, 1001))
    payloads = sorted(m.payload["n"] for m in selectors.messages_from(topic=topic, offset=1, limit=1000))
    assert payloads == list(range(1000))  # no duplicate, none lost


def test_producers_racing_without_single_flight_still_get_gapless_offsets(settings):
    """The counter condition alone keeps offsets gapless when producers really race
    (as separate Lambda instances would)."""
    settings.STREAMS = {**settings.STREAMS, "single_flight": False}
    topic = new_topic()
    barrier = threading.Barrier(20)

    def run(n):
        if n < 20:
            barrier.wait()
        return produce(topic, {"n": n})

    with ThreadPoolExecutor(max_workers=20) as pool:
        offsets = list(pool.map(run, range(200)))
    assert sorted(offsets) == list(range(1, 201))
    assert sorted(m.payload["n"] for m in selectors.messages_from(topic=topic, offset=1, limit=200)) == \
        list(range(200))


def test_control_unconditional_counter_shows_the_harness_detects_gaps():
    """Without the condition on the counter, concurrent producers overwrite each other: lost messages."""
    topic = new_topic()
    from eventsite.streams.outbox import Outbox

    def naive(n):
        outbox = Outbox(topic)
        outbox.add({"n": n})
        tx = Transaction()
        message = outbox.messages[0]
        from eventsite.streams.models import StreamTopic

        tx.update("topic", StreamTopic(topic), actions=[StreamTopic.latest_offset.set(message.offset)])
        tx.put("message", message)  # no condition: last writer wins
        tx.commit()
        return message.offset

    barrier = threading.Barrier(20)

    def run(n):
        barrier.wait()
        return naive(n)

    with ThreadPoolExecutor(max_workers=20) as pool:
        offsets = list(pool.map(run, range(20)))
    _drop_topic(topic)  # leave no broken data for later checks
    assert len(set(offsets)) < 20  # duplicates: messages were lost


def _drop_topic(topic: str) -> None:
    from eventsite.streams.models import StreamTopic

    with StreamMessage.batch_write() as batch:
        for message in StreamMessage.query(topic):
            batch.delete(message)
    StreamTopic(topic).delete()


def test_consume_pages_through_in_order_with_next_offset():
    topic = new_topic()
    for n in range(25):
        produce(topic, n)
    seen, offset = [], 1
    while True:
        page = selectors.messages_from(topic=topic, offset=offset, limit=10)
        if not page:
            break
        seen += [m.payload for m in page]
        offset = page[-1].offset + 1
    assert seen == list(range(25))


def test_failure_in_the_middle_of_a_produce_leaves_no_gap(monkeypatch):
    topic = new_topic()
    produce(topic, "first")
    calls = {"n": 0}
    original = Transaction.commit

    def failing_commit(self):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ConnectionError("network dropped before the commit")
        return original(self)

    monkeypatch.setattr(Transaction, "commit", failing_commit)
    with pytest.raises(ConnectionError):
        produce(topic, "lost")
    monkeypatch.setattr(Transaction, "commit", original)
    assert produce(topic, "second") == 2
    assert [m.payload for m in selectors.messages_from(topic=topic, offset=1, limit=10)] == ["first", "second"]


def test_large_payload_round_trips_through_s3(settings):
    settings.STREAMS = {**settings.STREAMS, "inline_limit_bytes": 100}
    topic = new_topic()
    payload = {"text": "x" * 5000, "list": list(range(50))}
    offset = produce(topic, payload)
    item = StreamMessage.get(topic, offset, consistent_read=True)
    assert item.payload is None and item.s3_key == f"topics/{topic}/{offset:020}.json"
    assert selectors.messages_from(topic=topic, offset=offset, limit=1)[0].payload == payload


def test_failed_commit_of_a_large_payload_removes_its_object(settings, monkeypatch):
    settings.STREAMS = {**settings.STREAMS, "inline_limit_bytes": 10}
    topic = new_topic()

    def broken(self):
        raise ConnectionError("dropped")

    monkeypatch.setattr(Transaction, "commit", broken)
    with pytest.raises(ConnectionError):
        produce(topic, "a long enough payload")
    with pytest.raises(Exception):
        storage.get(storage.object_key(topic, 1))


def test_orphaned_object_from_a_dead_producer_is_replaced(settings):
    settings.STREAMS = {**settings.STREAMS, "inline_limit_bytes": 10, "orphan_after_seconds": 0}
    topic = new_topic()
    storage.put_new(storage.object_key(topic, 1), b'"left by a producer that died"')
    assert produce(topic, "the real first message") == 1
    assert selectors.messages_from(topic=topic, offset=1, limit=1)[0].payload == "the real first message"


def test_consumer_group_commit_and_resume(organizer, anon):
    topic = new_topic()
    for n in range(5):
        produce(topic, n)
    assert organizer.post(f"/topics/{topic}/groups/g1/commit", {"offset": 3}, format="json").status_code == 200
    body = anon.get(f"/topics/{topic}/consume", {"group": "g1"}).json()
    assert [m["payload"] for m in body["messages"]] == [3, 4] and body["next_offset"] == 6
    assert anon.get(f"/topics/{topic}").json() == {"topic": topic, "latest_offset": 5, "groups": {"g1": 3}}
    assert organizer.post(f"/topics/{topic}/groups/g1/commit", {"offset": 9}, format="json").status_code == 422
