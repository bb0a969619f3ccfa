"""Registering, cancelling and promoting — atomically, never count-then-write.

Invariants (held by DynamoDB conditions inside TransactWriteItems):
- confirmedCount <= capacity: a confirmation is a transaction whose counter
  update carries the condition `confirmedCount < capacity`.
- counters equal reality: each counter change commits in the same
  transaction as the registration rows it counts.
- one registration per user and event: conditional put on (userId, eventId).
- strict FIFO: waitlist positions come from a per-event sequence; the queue
  lives in the Waitlist table (PK eventId, SK position), whose Query is
  strongly consistent, so the head is always the earliest waiter.
- nobody waits while a seat is free: joining the waitlist is conditional on
  the event being full, and a cancellation that frees a seat with nobody
  waiting is conditional on `waitlistCount = 0`.
Every change appends a message to the event's change feed (topic
`registrations.{eventId}`) in the same transaction (transactional outbox).
When a condition on the event or the feed fails because something changed concurrently,
the service reads again and retries with jittered backoff; after
WRITE_RETRY_SECONDS it answers 503 (Retry-After), never a half-applied change.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from pynamodb.exceptions import UpdateError

from eventsite.api.errors import Conflict, NotFound, StoreUnavailable
from eventsite.api.keys import Principal
from eventsite.dynamo.errors import is_condition_failure
from eventsite.dynamo.models import iso_now
from eventsite.dynamo.errors import is_transient
from eventsite.dynamo.transactions import Transaction, TransactionCancelled, backoff, retry_window, with_retries
from eventsite.notifications.queue import notifications_enqueue
from eventsite.streams.outbox import Outbox, only_feed_moved, single_flight

from ..access import require_registration_access
from ..models import Event, Registration, WaitlistEntry
from ..selectors import event_get, user_get_or_none, waitlist_heads

log = logging.getLogger("eventsite.registrations")
CONFIRMED = "confirmed"
WAITLISTED = "waitlisted"
PROMOTIONS_PER_TRANSACTION = 32  # 3 items each (queue, registration, feed message) + event + feed counter <= 100


@dataclass(frozen=True)
class RegistrationResult:
    registration: Registration
    place_in_line: int | None = None


def _new_registration(event_id: str, user_id: str, status: str, position: int | None = None) -> Registration:
    return Registration(user_id, event_id, status=status, eventStatus=f"{event_id}#{status}",
                        registeredAt=iso_now(), waitlistPosition=position)


def change_feed(event_id: str) -> Outbox:
    """The event's change feed, positioned after its latest message."""
    return Outbox(f"registrations.{event_id}")


def _report(feed: Outbox, change: str, event_id: str, user_id: str, at: str, **extra) -> None:
    feed.add({"type": change, "eventId": event_id, "userId": user_id, "at": at, **extra})


def _promote(tx: Transaction, feed: Outbox, head: WaitlistEntry, now: str) -> None:
    """Move one waiter from the queue to a seat (the caller adjusts counters)."""
    _report(feed, "promoted", head.eventId, head.userId, now, status=CONFIRMED)
    tx.delete(f"queue:{head.position}", head, condition=WaitlistEntry.eventId.exists())
    tx.update(f"promote:{head.userId}", Registration(head.userId, head.eventId),
              actions=[Registration.status.set(CONFIRMED),
                       Registration.eventStatus.set(f"{head.eventId}#{CONFIRMED}"),
                       Registration.promotedAt.set(now), Registration.waitlistPosition.remove()],
              condition=(Registration.status == WAITLISTED) & (Registration.waitlistPosition == head.position))


def _busy() -> StoreUnavailable:
    return StoreUnavailable("This event is very busy right now; retry in a moment.", retry_after=1)


def _commit_with_feed(event_id: str, build) -> TransactionCancelled | None:
    """Commit the transaction `build(feed)` makes. While only the change feed's
    counter moved on (another change of this event took the offset), the same
    decision is rebuilt at the new offset at once; any other cancellation is
    returned for the caller to re-read and decide again."""
    for attempt in retry_window():
        with single_flight(f"registrations.{event_id}"):
            feed = change_feed(event_id)
            tx = build(feed)
            try:
                tx.commit()
            except TransactionCancelled as exc:
                if not only_feed_moved(exc.failed):
                    return exc
            else:
                notifications_enqueue(topic=feed.topic, changes=feed.committed())
                return None
        backoff(attempt)
    raise _busy()


def _commit_registration(event_id: str, build) -> bool:
    """False when the event changed under us; 409 when already registered."""
    failure = _commit_with_feed(event_id, build)
    if failure is not None and "registration" in failure.failed:
        raise Conflict("This user is already registered for this event.") from failure
    return failure is None


def _try_confirm(event_id: str, user_id: str) -> Registration | None:
    """Take a seat. None when the event changed under us (full, inactive)."""
    registration = _new_registration(event_id, user_id, CONFIRMED)

    def build(feed: Outbox) -> Transaction:
        _report(feed, "confirmed", event_id, user_id, registration.registeredAt, status=CONFIRMED)
        tx = Transaction()
        tx.update("event", Event(event_id), actions=[Event.confirmedCount.add(1)],
                  condition=(Event.status == "active") & (Event.confirmedCount < Event.capacity))
        tx.put("registration", registration, condition=Registration.userId.does_not_exist())
        feed.stage(tx)
        return tx

    return registration if _commit_registration(event_id, build) else None


def _try_waitlist(event_id: str, user_id: str) -> Registration | None:
    """Join the waitlist of a full event. None when it is no longer full."""
    full_and_open = ((Event.status == "active") & (Event.hasWaitlist == True)  # noqa: E712
                     & (Event.confirmedCount >= Event.capacity))
    sequence = Event(event_id)
    try:
        # A position from the event's sequence. A position whose transaction
        # then fails is never used: positions order the queue, gaps are harmless.
        sequence.update(actions=[Event.waitlistSeq.add(1)], condition=full_and_open)
    except UpdateError as exc:
        if is_condition_failure(exc):
            return None
        raise
    position = int(sequence.waitlistSeq)
    registration = _new_registration(event_id, user_id, WAITLISTED, position)

    def build(feed: Outbox) -> Transaction:
        _report(feed, "waitlisted", event_id, user_id, registration.registeredAt, status=WAITLISTED)
        tx = Transaction()
        tx.update("event", Event(event_id), actions=[Event.waitlistCount.add(1)], condition=full_and_open)
        tx.put("registration", registration, condition=Registration.userId.does_not_exist())
        tx.put("queue", WaitlistEntry(event_id, position, userId=user_id, registeredAt=registration.registeredAt),
               condition=WaitlistEntry.eventId.does_not_exist())
        feed.stage(tx)
        return tx

    return registration if _commit_registration(event_id, build) else None


def _place_in_line(event_id: str, position: int) -> int | None:
    """Best effort, after the commit: a failed count must not turn a done registration into an error."""
    try:
        return WaitlistEntry.count(event_id, WaitlistEntry.position <= position, consistent_read=True)
    except Exception:  # noqa: BLE001
        log.warning("place in line unavailable for %s", event_id)
        return None


def registration_create(*, principal: Principal, event_id: str, user_id: str) -> RegistrationResult:
    """Confirm while seats are free; otherwise join the waitlist if the event has one."""
    event = event_get(event_id=event_id, consistent=True)
    require_registration_access(principal, event, user_id)
    if user_get_or_none(user_id=user_id) is None:
        raise NotFound(f"No user with id {user_id!r}.")
    for attempt in retry_window():
        if event.status != "active":
            raise Conflict(f"This event is not taking registrations (status {event.status!r}).")
        if event.confirmedCount < event.capacity:
            registration = _try_confirm(event_id, user_id)
            if registration is not None:
                return RegistrationResult(registration)
        elif event.hasWaitlist:
            registration = _try_waitlist(event_id, user_id)
            if registration is not None:
                place = _place_in_line(event_id, int(registration.waitlistPosition))
                return RegistrationResult(registration, place)
        else:
            raise Conflict("This event is full and has no waitlist.")
        backoff(attempt)
        event = event_get(event_id=event_id, consistent=True)
    raise _busy()


def _cancel_once(registration: Registration) -> bool:
    """One attempt to cancel, promoting the earliest waiter when a seat frees.
    False when something changed concurrently: read again and retry."""
    event_id = registration.eventId
    now = iso_now()

    def build(feed: Outbox) -> Transaction:
        _report(feed, "cancelled", event_id, registration.userId, now, previousStatus=registration.status)
        tx = Transaction()
        if registration.status == WAITLISTED:
            tx.delete("registration", registration, condition=Registration.status == WAITLISTED)
            tx.delete("queue", WaitlistEntry(event_id, registration.waitlistPosition),
                      condition=WaitlistEntry.eventId.exists())
            tx.update("event", Event(event_id), actions=[Event.waitlistCount.add(-1)],
                      condition=Event.eventId.exists())
        else:
            tx.delete("registration", registration, condition=Registration.status == CONFIRMED)
            heads = waitlist_heads(event_id=event_id, limit=1)
            if heads:  # the seat passes to the earliest waiter: confirmedCount is unchanged
                _promote(tx, feed, heads[0], now)
                tx.update("event", Event(event_id), actions=[Event.waitlistCount.add(-1)],
                          condition=Event.eventId.exists())
            else:  # nobody waits, unless someone joined since we looked: then retry
                tx.update("event", Event(event_id), actions=[Event.confirmedCount.add(-1)],
                          condition=Event.eventId.exists() & (Event.waitlistCount == 0))
        feed.stage(tx)
        return tx

    return _commit_with_feed(event_id, build) is None


def registration_cancel(*, principal: Principal, event_id: str, user_id: str) -> None:
    """Cancel; a freed seat goes to the earliest waiter in the same transaction."""
    event = event_get(event_id=event_id, consistent=True)
    require_registration_access(principal, event, user_id)
    for attempt in retry_window():
        registration = Registration.get_or_none(user_id, event_id, consistent_read=True)
        if registration is None:
            raise NotFound(f"User {user_id!r} is not registered for event {event_id!r}.")
        if _cancel_once(registration):
            return
        backoff(attempt)
    raise _busy()


def event_fill_free_seats(*, event_id: str) -> int:
    """Promote waiters first-come-first-served while seats are free (after a
    capacity increase). Returns how many were promoted."""
    promoted = 0
    for attempt in retry_window():
        event = Event.get_or_none(event_id, consistent_read=True)
        if event is None:
            return promoted
        free = int(event.capacity) - int(event.confirmedCount)
        if free <= 0 or int(event.waitlistCount) <= 0:
            return promoted
        heads = waitlist_heads(event_id=event_id, limit=min(free, PROMOTIONS_PER_TRANSACTION))
        if not heads:
            return promoted
        now = iso_now()

        def build(feed: Outbox) -> Transaction:
            tx = Transaction()
            tx.update("event", Event(event_id),
                      actions=[Event.confirmedCount.add(len(heads)), Event.waitlistCount.add(-len(heads))],
                      condition=(Event.confirmedCount == event.confirmedCount) & (Event.capacity == event.capacity))
            for head in heads:
                _promote(tx, feed, head, now)
            feed.stage(tx)
            return tx

        try:
            failed = _commit_with_feed(event_id, build)
        except Exception as exc:  # noqa: BLE001 - the capacity already changed: finish the promotions
            if not is_transient(exc):
                raise
            failed = exc
        if failed is not None:
            backoff(attempt)
            continue
        promoted += len(heads)
    raise _busy()


def event_registrations_delete(*, event_id: str) -> int:
    """Remove every registration and waitlist entry of a (deleted) event;
    transient failures are retried, since the event itself is already gone."""

    def delete_all() -> int:
        removed = 0
        with Registration.batch_write() as batch:
            for registration in Registration.by_event.query(event_id):
                batch.delete(registration)
                removed += 1
        with WaitlistEntry.batch_write() as batch:
            for entry in WaitlistEntry.query(event_id, consistent_read=True):
                batch.delete(entry)
        return removed

    return with_retries(delete_all)
