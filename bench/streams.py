"""Streams: produce throughput with 1 and 8 concurrent producers, and consume
of 100 messages, with DynamoDB and S3 calls per operation — eventsite's
design (offset + message in one transaction, consume = one Query) against the
seed 003 design (counter + one S3 object per message), both measured in the
same run against the same DynamoDB Local and moto S3 server."""
from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bench.common import dynamodb_local, ratio, setup_django

MESSAGES = 400
CONSUME = 100
PAYLOAD = {"type": "registered", "eventId": "bench", "userId": "u-000001", "note": "x" * 200}


class Calls:
    def __init__(self):
        self.dynamodb = self.s3 = 0
        self.lock = threading.Lock()

    def on_dynamodb(self, *args, **kwargs):
        with self.lock:
            self.dynamodb += 1

    def on_s3(self, *args, **kwargs):
        with self.lock:
            self.s3 += 1

    def take(self) -> tuple[int, int]:
        with self.lock:
            taken, self.dynamodb, self.s3 = (self.dynamodb, self.s3), 0, 0
        return taken


def timed(fn, items, workers: int) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(fn, items))
    return time.perf_counter() - started


def main() -> int:
    from moto.server import ThreadedMotoServer

    from eventsite.dynamo.local import free_port

    moto_port = free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
    moto.start()
    try:
        with dynamodb_local() as endpoint:
            setup_django(endpoint)
            import boto3
            from django.conf import settings
            from pynamodb.signals import pre_dynamodb_send

            from bench.peers.seed003_streams import SeedStreams
            from eventsite.api.keys import Principal
            from eventsite.streams import selectors, services, storage

            settings.STREAMS.update(s3_endpoint_url=f"http://127.0.0.1:{moto_port}", bucket="bench-streams")
            storage.ensure_bucket()
            calls = Calls()
            pre_dynamodb_send.connect(calls.on_dynamodb, weak=False)
            storage.client().meta.events.register("before-call.s3.*", calls.on_s3)
            ddb = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1")
            ddb.create_table(TableName="seed-counters", BillingMode="PAY_PER_REQUEST",
                             KeySchema=[{"AttributeName": "topic", "KeyType": "HASH"}],
                             AttributeDefinitions=[{"AttributeName": "topic", "AttributeType": "S"}])
            s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{moto_port}", region_name="us-east-1")
            seed = SeedStreams(ddb, s3, "seed-counters", "bench-streams")
            producer = Principal(key_id="bench", name="bench", role="organizer")

            def ours(topic):
                return lambda n: services.message_produce(principal=producer, topic=topic, payload={**PAYLOAD, "n": n})

            def theirs(topic):
                return lambda n: seed.produce(topic, {**PAYLOAD, "n": n})

            timed(ours("warm"), range(2000), 8)  # warm the JVM and pools
            calls.take()
            rows = []
            for workers in (1, 8):
                ours_wall = timed(ours(f"ours-{workers}"), range(MESSAGES), workers)
                ours_calls = calls.take()
                seed.calls = {"dynamodb": 0, "s3": 0}
                seed_wall = timed(theirs(f"seed-{workers}"), range(MESSAGES), workers)
                rows.append((f"produce, {workers} producer{'s' if workers > 1 else ''}", MESSAGES / ours_wall,
                             MESSAGES / seed_wall, ours_calls, (seed.calls["dynamodb"], seed.calls["s3"])))
            started = time.perf_counter()
            consumed = selectors.messages_from(topic="ours-8", offset=1, limit=CONSUME)
            ours_consume = time.perf_counter() - started
            ours_calls = calls.take()
            seed.calls = {"dynamodb": 0, "s3": 0}
            started = time.perf_counter()
            seed_consumed = seed.consume("seed-8", 1, CONSUME)
            seed_consume = time.perf_counter() - started
    finally:
        moto.stop()
    print(f"streams: {MESSAGES} produces per run, consume of {CONSUME}; baseline = seed 003 design, same run")
    for name, ours_rate, seed_rate, (o_ddb, o_s3), (s_ddb, s_s3) in rows:
        print(f"  {name:22} eventsite {ours_rate:7.1f} msg/s   seed {seed_rate:7.1f} msg/s   "
              f"ratio {ratio(ours_rate, seed_rate)}   calls/msg eventsite ddb {o_ddb / MESSAGES:.2f} s3 {o_s3 / MESSAGES:.2f}"
              f" | seed ddb {s_ddb / MESSAGES:.2f} s3 {s_s3 / MESSAGES:.2f}")
    print(f"  consume {CONSUME:3} messages     eventsite {ours_consume * 1000:7.1f} ms   seed {seed_consume * 1000:7.1f} ms   "
          f"ratio {ratio(ours_consume, seed_consume)}   calls eventsite ddb {ours_calls[0]} s3 {ours_calls[1]}"
          f" | seed ddb {seed.calls['dynamodb']} s3 {seed.calls['s3']}")
    return 0 if len(consumed) == len(seed_consumed) == CONSUME else 1


if __name__ == "__main__":
    sys.exit(main())
