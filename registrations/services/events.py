"""Writes for events (deleting one removes its registrations; raising its
capacity promotes waiters; an active event is mirrored into the community
calendar as source_type "native"). Every rule that must
hold under concurrency is a DynamoDB condition, never a read-then-write."""
from __future__ import annotations

import uuid

from pynamodb.exceptions import UpdateError

from eventsite.api.errors import Conflict, NotFound, StoreUnavailable, ValidationFailed
from eventsite.api.keys import Principal
from eventsite.api.permissions import require_role
from eventsite.dynamo.errors import is_condition_failure
from eventsite.dynamo.models import iso_now
from eventsite.dynamo.transactions import Transaction, TransactionCancelled, backoff, retry_window

from eventsite.calendars.services import native_event_remove, native_event_sync

from ..access import require_event_manager
from ..models import Event
from ..selectors import event_get, event_get_or_none
from .registrations import change_feed, event_fill_free_seats, event_registrations_delete

EVENT_FIELDS = ("title", "description", "date", "location", "capacity", "organizer", "status", "hasWaitlist")


def event_create(*, principal: Principal, data: dict) -> Event:
    principal = require_role(principal, "admin", "organizer")
    now = iso_now()
    event = Event(
        data.get("eventId") or str(uuid.uuid4()),
        **{name: data[name] for name in EVENT_FIELDS if name in data},
        confirmedCount=0,
        waitlistCount=0,
        waitlistSeq=0,
        ownerId=principal.owner_id,
        createdAt=now,
        updatedAt=now,
    )
    event.hasWaitlist = bool(data.get("hasWaitlist", False))
    event.save_new(f"An event with id {event.eventId!r} already exists.")
    native_event_sync(event)
    return event


def event_update(*, principal: Principal, event_id: str, data: dict) -> Event:
    """Partial update. Lowering capacity below confirmedCount is a 409; the
    check is a condition on the write, so a concurrent registration cannot
    slip past it."""
    if "eventId" in data and data["eventId"] != event_id:
        raise ValidationFailed("eventId in the body must match the URL.", errors={"eventId": ["Does not match the URL."]})
    event = event_get(event_id=event_id, consistent=True)
    require_event_manager(principal, event)
    changes = {name: data[name] for name in EVENT_FIELDS if name in data}
    if not changes:
        return event
    actions = [getattr(Event, name).set(value) for name, value in changes.items()]
    actions.append(Event.updatedAt.set(iso_now()))
    condition = Event.eventId.exists()
    if "capacity" in changes:
        condition &= Event.confirmedCount <= changes["capacity"]
    try:
        event.update(actions=actions, condition=condition)
    except UpdateError as exc:
        if not is_condition_failure(exc):
            raise
        current = event_get_or_none(event_id=event_id, consistent=True)
        if current is None:
            raise NotFound(f"No event with id {event_id!r}.") from exc
        raise Conflict(
            f"capacity {changes['capacity']} is below the {int(current.confirmedCount)} confirmed registrations; "
            "cancel registrations first."
        ) from exc
    if "capacity" in changes:
        # A raised capacity (or a waitlist left from earlier) fills seats first-come-first-served.
        if event_fill_free_seats(event_id=event_id):
            event = event_get(event_id=event_id, consistent=True)
    native_event_sync(event)
    return event


def event_delete(*, principal: Principal, event_id: str) -> None:
    event = event_get(event_id=event_id, consistent=True)
    require_event_manager(principal, event)
    for attempt in retry_window():
        feed = change_feed(event_id)
        feed.add({"type": "event_deleted", "eventId": event_id, "at": iso_now()})
        tx = Transaction()
        tx.delete("event", Event(event_id), condition=Event.eventId.exists())
        feed.stage(tx)
        try:
            tx.commit()
            break
        except TransactionCancelled as exc:
            if "event" in exc.failed:
                raise NotFound(f"No event with id {event_id!r}.") from exc
            backoff(attempt)
    else:
        raise StoreUnavailable("This event is very busy right now; retry in a moment.", retry_after=1)
    # Registrations go with it. New ones cannot appear meanwhile: registering
    # is conditional on the event item existing with status "active".
    event_registrations_delete(event_id=event_id)
    native_event_remove(event_id)


def event_counters_set(*, event: Event, confirmed: int, waitlisted: int) -> bool:
    """Repair counters, only if they still hold the values that were checked."""
    try:
        event.update(
            actions=[Event.confirmedCount.set(confirmed), Event.waitlistCount.set(waitlisted)],
            condition=(Event.confirmedCount == event.confirmedCount) & (Event.waitlistCount == event.waitlistCount),
        )
    except UpdateError as exc:
        if is_condition_failure(exc):
            return False
        raise
    return True
