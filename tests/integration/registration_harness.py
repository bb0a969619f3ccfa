"""A storm harness for registrations: many threads register (and cancel) at
once against DynamoDB Local, then the invariants are checked against the
tables themselves. Used by the concurrency tests and their control."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from eventsite.api.keys import Principal
from registrations.models import Event, Registration, User, WaitlistEntry

ADMIN = Principal(key_id="storm", name="storm", role="admin")


@dataclass
class StormResult:
    outcomes: list[str] = field(default_factory=list)  # a status, or the error's class name
    errors: list[str] = field(default_factory=list)


def make_users(prefix: str, count: int) -> list[str]:
    ids = [f"{prefix}-{i:04d}" for i in range(count)]
    with User.batch_write() as batch:
        for user_id in ids:
            batch.save(User(user_id, name=user_id, createdAt="2026-01-01T00:00:00Z"))
    return ids


def storm(action, args: list, threads: int = 32) -> StormResult:
    """Run `action(arg)` for every arg at once (a barrier releases all threads together)."""
    result = StormResult()
    lock = threading.Lock()
    barrier = threading.Barrier(min(threads, len(args)))

    def run(arg, first_wave):
        if first_wave:
            barrier.wait()
        try:
            outcome = action(arg)
        except Exception as exc:  # noqa: BLE001 - every failure is recorded and asserted on
            outcome = type(exc).__name__
            with lock:
                result.errors.append(f"{arg}: {type(exc).__name__}: {exc}")
        with lock:
            result.outcomes.append(outcome)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(lambda pair: run(pair[1], pair[0] < threads), enumerate(args)))
    return result


def violations(event_id: str) -> list[str]:
    """Every invariant that one event's stored data breaks (the checks of
    `manage.py verify_data`, on this event's rows, read consistently)."""
    from eventsite.integrity import registration_counters, waitlist_queue

    event = Event.get(event_id, consistent_read=True)
    rows = list(Registration.scan(Registration.eventId == event_id, consistent_read=True))
    queue = list(WaitlistEntry.query(event_id, consistent_read=True))
    return [*registration_counters({event_id: event}, rows), *waitlist_queue(rows, queue)]


def replay_change_feed(event_id: str) -> dict[str, str]:
    """Rebuild {userId: status} from the event's change feed alone."""
    from eventsite.streams.selectors import messages_from

    state: dict[str, str] = {}
    offset, expected = 1, 1
    while True:
        page = messages_from(topic=f"registrations.{event_id}", offset=offset, limit=100)
        if not page:
            return state
        for message in page:
            assert message.offset == expected, "the change feed has a gap"
            expected += 1
            change = message.payload
            if change["type"] in ("confirmed", "promoted"):
                state[change["userId"]] = "confirmed"
            elif change["type"] == "waitlisted":
                state[change["userId"]] = "waitlisted"
            elif change["type"] == "cancelled":
                state.pop(change["userId"], None)
            elif change["type"] == "event_deleted":
                state.clear()
        offset = page[-1].offset + 1


def table_state(event_id: str) -> dict[str, str]:
    return {r.userId: r.status for r in Registration.scan(Registration.eventId == event_id, consistent_read=True)}
