"""Registration storm: N concurrent clients register for one event (capacity
50, with waitlist) over HTTP against DynamoDB Local, served by 4 single-process
uvicorn instances (like 4 warm Lambda instances).

Prints registrations/s, p50/p99 latency, DynamoDB calls per registration
(from Server-Timing) and the oversell count (must be 0), each next to a
baseline measured in the same run with the same clients: reading the event
(GET /events/{id}, one GetItem)."""
from __future__ import annotations

import json
import sys

from bench.common import dynamodb_local, eventsite_server, load, ratio, setup_django

CLIENT_COUNTS = (8, 32)
REGISTRATIONS = 600
CAPACITY = 50


def storm(ports: list[int], admin: str, clients: int) -> int:
    event_id = f"storm-{clients}"
    users = [f"{event_id}-user-{i:05d}" for i in range(REGISTRATIONS)]
    from registrations.models import User

    with User.batch_write() as batch:
        for user_id in users:
            batch.save(User(user_id, name=user_id, createdAt="2026-01-01T00:00:00Z"))
    event = {"eventId": event_id, "title": "Storm", "description": "", "date": "2030-01-01", "location": "DC",
             "capacity": CAPACITY, "organizer": "bench", "status": "active", "hasWaitlist": True}
    load(ports, [("POST", "/events", event, admin)], 1)
    baseline = load(ports, [("GET", f"/events/{event_id}", None, None)] * REGISTRATIONS, clients)
    run = load(ports, [("POST", f"/events/{event_id}/registrations", {"userId": u}, admin) for u in users], clients)
    state = json.loads(load(ports, [("GET", f"/events/{event_id}", None, None)], 1).samples[0].body)
    confirmed = sum(1 for s in run.samples if s.status == 201 and b'"confirmed"' in s.body)
    oversell = max(0, confirmed - CAPACITY) + max(0, state["confirmedCount"] - CAPACITY)
    print(f"-- {REGISTRATIONS} registrations, {clients} concurrent clients, capacity {CAPACITY}")
    print(f"  statuses                 {run.statuses()}   (baseline {baseline.statuses()})")
    print(f"  registrations/s          {run.rate:8.1f}   baseline reads/s {baseline.rate:8.1f}   "
          f"ratio {ratio(run.rate, baseline.rate)}")
    print(f"  p50 latency ms           {run.pct(50):8.1f}   baseline {baseline.pct(50):8.1f}   "
          f"ratio {ratio(run.pct(50), baseline.pct(50))}")
    print(f"  p99 latency ms           {run.pct(99):8.1f}   baseline {baseline.pct(99):8.1f}   "
          f"ratio {ratio(run.pct(99), baseline.pct(99))}")
    print(f"  DynamoDB calls/request   {run.calls():8.2f}   baseline {baseline.calls():8.2f}")
    print(f"  counters confirmed={state['confirmedCount']} waitlisted={state['waitlistCount']}; oversell {oversell}")
    return 1 if oversell or any(s.status >= 500 or s.status == 0 for s in run.samples) else 0


def main() -> int:
    with dynamodb_local() as endpoint:
        setup_django(endpoint)
        from eventsite.api.keys import api_key_create

        admin, _ = api_key_create(role="admin", name="bench")
        with eventsite_server(instances=4) as ports:
            # Warm the JVM (DynamoDB Local is 2-3x slower until ~2000 calls) and the workers.
            load(ports, [("GET", "/health", None, None)] * 3000, 16)
            return max(storm(ports, admin, clients) for clients in CLIENT_COUNTS)


if __name__ == "__main__":
    sys.exit(main())
