"""Reads for events, users and registrations. Filtered lists are Queries on
an index; every list returns (items, next_key) for cursor paging."""
from __future__ import annotations

from eventsite.api.errors import NotFound
from eventsite.api.fields import is_valid_id

from .models import Event, User


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
