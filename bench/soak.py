"""Soak: a sustained mixed workload over real HTTP on loopback (registrations,
cancellations, stream produces, reads) against 4 server instances, then
proof that nothing was lost — every acknowledged registration and message
is readable — and that every cross-table invariant holds.

`run_soak` is shared with the bounded soak test in make test; `main` is the
longer run of `make bench`, printing requests/s, p50/p99 per kind (ratio to
the reads of the same run), errors by class and invariant violations."""
from __future__ import annotations

import random
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field

from bench.common import Client, dynamodb_local, eventsite_server, setup_django

EVENTS = 4


@dataclass
class SoakResult:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    registered: set = field(default_factory=set)  # acknowledged (user, event), not cancelled
    cancelled: set = field(default_factory=set)
    produced: dict = field(default_factory=dict)  # (topic, offset) -> payload
    lost: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    wall: float = 0.0

    def record(self, kind: str, sample) -> None:
        self.latencies.setdefault(kind, []).append(sample.seconds)
        cls = "conn" if sample.status == 0 else f"{sample.status // 100}xx"
        self.statuses[cls] = self.statuses.get(cls, 0) + 1

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def pct(self, kind: str, p: float) -> float:
        values = sorted(self.latencies.get(kind, [0.0]))
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def run_soak(ports: list[int], admin_key: str, *, seconds: float, threads: int = 8, seed: int = 1) -> SoakResult:
    """Drive the servers for `seconds`, then check every acknowledged write."""
    import json

    from eventsite.integrity import all_violations
    from registrations.models import Registration, User
    from eventsite.streams.selectors import messages_from

    run = uuid.uuid4().hex[:6]
    users = [f"soak-{run}-{n:05d}" for n in range(threads * 400)]
    with User.batch_write() as batch:
        for user_id in users:
            batch.save(User(user_id, name=user_id, createdAt="2026-01-01T00:00:00Z"))
    setup = Client(ports[0], admin_key)
    events = [f"soak-{run}-e{n}" for n in range(EVENTS)]
    for event_id in events:
        setup.request("POST", "/events", {"eventId": event_id, "title": "Soak", "description": "", "date": "2030-01-01",
                                          "location": "Washington, DC", "capacity": 25, "organizer": "soak",
                                          "status": "active", "hasWaitlist": True})
    result = SoakResult()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(index: int):
        rng = random.Random(seed * 1000 + index)
        client = Client(ports[index % len(ports)], admin_key)
        mine = users[index::threads]
        acked: list[tuple[str, str]] = []
        topic = f"soak-{run}-t{index % 2}"
        while time.monotonic() < deadline:
            roll = rng.random()
            if roll < 0.3 and mine:
                user_id, event_id = mine.pop(), rng.choice(events)
                sample = client.request("POST", f"/events/{event_id}/registrations", {"userId": user_id})
                kind = "register"
                if sample.status == 201:
                    acked.append((user_id, event_id))
                    with lock:
                        result.registered.add((user_id, event_id))
            elif roll < 0.4 and acked:
                user_id, event_id = acked.pop(rng.randrange(len(acked)))
                sample = client.request("DELETE", f"/events/{event_id}/registrations/{user_id}")
                kind = "cancel"
                if sample.status == 204:
                    with lock:
                        result.registered.discard((user_id, event_id))
                        result.cancelled.add((user_id, event_id))
            elif roll < 0.6:
                payload = {"from": index, "n": rng.random()}
                sample = client.request("POST", f"/topics/{topic}/produce", {"payload": payload})
                kind = "produce"
                if sample.status == 201:
                    with lock:
                        result.produced[(topic, json.loads(sample.body)["offset"])] = payload
            else:
                path = rng.choice([f"/events/{rng.choice(events)}", "/api/events?limit=50",
                                   f"/topics/{topic}/consume?limit=20"])
                sample = client.request("GET", path)
                kind = "read"
            with lock:
                result.record(kind, sample)

    started = time.perf_counter()
    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    result.wall = time.perf_counter() - started

    stored = {(r.userId, r.eventId) for e in events for r in Registration.by_event.query(e)}
    result.lost += [f"registration {u}/{e} acknowledged but missing" for u, e in result.registered - stored]
    result.lost += [f"registration {u}/{e} cancelled but present" for u, e in result.cancelled & stored]
    for topic in {t for t, _ in result.produced}:
        readable = {m.offset: m.payload for m in messages_from(topic=topic, offset=1, limit=100_000)}
        result.lost += [f"message {t}:{o} acknowledged but missing" for (t, o), p in result.produced.items()
                        if t == topic and readable.get(o) != p]
    result.violations = all_violations()
    return result


def main() -> int:
    with dynamodb_local() as endpoint:
        setup_django(endpoint)
        from eventsite.api.keys import api_key_create

        admin, _ = api_key_create(role="admin", name="soak")
        with eventsite_server(instances=4) as ports:
            result = run_soak(ports, admin, seconds=60, threads=16)
    reads = result.pct("read", 50) or 1.0
    print(f"soak: {result.wall:.0f} s, 16 clients, 4 server instances; {result.requests} requests "
          f"({result.requests / result.wall:.1f} req/s)")
    for kind in ("read", "register", "cancel", "produce"):
        if kind in result.latencies:
            print(f"  {kind:9} {len(result.latencies[kind]):6} requests   p50 {result.pct(kind, 50):7.1f} ms "
                  f"(ratio to reads {result.pct(kind, 50) / reads:5.2f}x)   p99 {result.pct(kind, 99):7.1f} ms")
    print(f"  responses by class {dict(sorted(result.statuses.items()))}")
    print(f"  lost writes {len(result.lost)}; invariant violations {len(result.violations)}")
    for line in (result.lost + result.violations)[:10]:
        print("   ", line)
    return 1 if result.lost or result.violations or result.statuses.get("5xx") else 0


if __name__ == "__main__":
    sys.exit(main())
