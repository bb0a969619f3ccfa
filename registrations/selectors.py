"""Reads for events, users and registrations. Filtered lists are Queries on
an index; every list returns (items, next_key) for cursor paging."""
from __future__ import annotations

from eventsite.api.errors import NotFound
from eventsite.api.fields import is_valid_id

from .models import Event, Registration, User, WaitlistEntry


def event_get_or_none(*, event_id: str, consistent: bool = False) -> Event | None:
    if not is_valid_id(event_id):
        return None
    return Event.get_or_none(event_id, consistent_read=consistent)


def event_get(*, event_id: str, consistent: bool = False) -> Event:
    event = event_get_or_none(event_id=event_id, consistent=consistent)
    if event is None:
        raise NotFound(f"No event with id {event_id!r}.")
    return event


def event_list(*, status: str | None, limit: int, start_key: dict | None) -> tuple[list[Event], dict | None]:
    if status is not None:
        result = Event.status_index.query(status, limit=limit, last_evaluated_key=start_key,
                                          scan_index_forward=False)
    else:
        result = Event.scan(limit=limit, last_evaluated_key=start_key)
    items = list(result)
    return items, result.last_evaluated_key


def user_get_or_none(*, user_id: str) -> User | None:
    if not is_valid_id(user_id):
        return None
    return User.get_or_none(user_id)


def user_get(*, user_id: str) -> User:
    user = user_get_or_none(user_id=user_id)
    if user is None:
        raise NotFound(f"No user with id {user_id!r}.")
    return user


def waitlist_heads(*, event_id: str, limit: int) -> list[WaitlistEntry]:
    """The earliest waiters, strongly consistent (base-table Query)."""
    return list(WaitlistEntry.query(event_id, consistent_read=True, limit=limit))


def event_registrations(*, event_id: str, status: str | None, limit: int,
                        start_key: dict | None) -> tuple[list[Registration], dict | None]:
    """An event's registrations in registration order, optionally by status."""
    if status is None:
        result = Registration.by_event.query(event_id, limit=limit, last_evaluated_key=start_key)
    else:
        result = Registration.by_event_status.query(f"{event_id}#{status}", limit=limit,
                                                    last_evaluated_key=start_key)
    items = list(result)
    return items, result.last_evaluated_key


def user_registrations(*, user_id: str, limit: int,
                       start_key: dict | None) -> tuple[list[tuple[Registration, str | None]], dict | None]:
    """A user's registrations with each event's current title (one BatchGet)."""
    result = Registration.query(user_id, limit=limit, last_evaluated_key=start_key, consistent_read=True)
    registrations = list(result)
    titles = {}
    if registrations:
        titles = {e.eventId: e.title for e in Event.batch_get({r.eventId for r in registrations})}
    return [(r, titles.get(r.eventId)) for r in registrations], result.last_evaluated_key


def event_registration_counts(*, event_id: str) -> tuple[int, int]:
    """(confirmed, waitlisted) as the Registrations table says (its event index)."""
    confirmed = waitlisted = 0
    for registration in Registration.by_event.query(event_id):
        if registration.status == "confirmed":
            confirmed += 1
        else:
            waitlisted += 1
    return confirmed, waitlisted


def events_all():
    return Event.scan()
