"""Writes for events (and, with them, registrations). Every rule that must
hold under concurrency is a DynamoDB condition, never a read-then-write."""
from __future__ import annotations

import uuid

from pynamodb.exceptions import DeleteError, PutError, UpdateError

from eventsite.api.errors import Conflict, Forbidden, NotFound, ValidationFailed
from eventsite.api.keys import Principal
from eventsite.api.permissions import require_role
from eventsite.dynamo.errors import is_condition_failure
from eventsite.dynamo.models import iso_now

from .models import Event
from .selectors import event_get, event_get_or_none

EVENT_FIELDS = ("title", "description", "date", "location", "capacity", "organizer", "status", "hasWaitlist")


def can_manage_event(principal: Principal, event: Event) -> bool:
    return principal.is_admin or (principal.role == "organizer" and event.ownerId == principal.owner_id)


def _require_manager(principal, event: Event) -> None:
    principal = require_role(principal, "admin", "organizer")
    if not can_manage_event(principal, event):
        raise Forbidden("Only the organizer who created this event (or an admin) may change it.")


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
    try:
        event.save(condition=Event.eventId.does_not_exist())
    except PutError as exc:
        if is_condition_failure(exc):
            raise Conflict(f"An event with id {event.eventId!r} already exists.") from exc
        raise
    return event


def event_update(*, principal: Principal, event_id: str, data: dict) -> Event:
    """Partial update. Lowering capacity below confirmedCount is a 409; the
    check is a condition on the write, so a concurrent registration cannot
    slip past it."""
    if "eventId" in data and data["eventId"] != event_id:
        raise ValidationFailed("eventId in the body must match the URL.", errors={"eventId": ["Does not match the URL."]})
    event = event_get(event_id=event_id, consistent=True)
    _require_manager(principal, event)
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
    return event


def event_delete(*, principal: Principal, event_id: str) -> None:
    event = event_get(event_id=event_id, consistent=True)
    _require_manager(principal, event)
    try:
        event.delete(condition=Event.eventId.exists())
    except DeleteError as exc:
        if is_condition_failure(exc):
            raise NotFound(f"No event with id {event_id!r}.") from exc
        raise
