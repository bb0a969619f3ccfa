"""Reads of the community calendar, each a Query on one of the seed's GSIs
(DateIndex per state, GroupIndex, LocationTypeIndex). An unfiltered read
queries every state partition (DC, MD, VA and ALL) and merges them in start
order — seed 002 queried only ALL and missed the rest."""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from eventsite.api.fields import is_valid_id

from .models import CalendarEvent, Group

STATES = ("DC", "MD", "VA", "ALL")
LOCATION_TYPES = ("in_person", "virtual")


def _range(start: date, end: date):
    """start_datetime within [start, end] by calendar day ("~" sorts after any time)."""
    return CalendarEvent.start_datetime.between(start.isoformat(), end.isoformat() + "~")


def _by_state(state: str, start: date, end: date) -> Iterator[CalendarEvent]:
    return iter(CalendarEvent.by_state.query(state, _range(start, end)))


def calendar_events(*, start: date, end: date, state: str | None = None, location_type: str | None = None,
                    group_id: str | None = None, limit: int | None = None) -> list[CalendarEvent]:
    """Events starting between two dates (inclusive), in start order."""
    source: Iterable[CalendarEvent]
    if group_id is not None:
        source = CalendarEvent.by_group.query(group_id, _range(start, end))
    elif state is not None:
        source = _by_state(state, start, end)
    elif location_type is not None:
        source = CalendarEvent.by_location_type.query(location_type, _range(start, end))
    else:
        source = heapq.merge(*(_by_state(s, start, end) for s in STATES), key=lambda e: e.start_datetime)
    matching = (e for e in source
                if (state is None or e.state == state) and (location_type is None or e.location_type == location_type))
    return list(islice(matching, limit))


def state_counts(*, start: date, end: date) -> dict[str, int]:
    return {s: CalendarEvent.by_state.count(s, _range(start, end)) for s in STATES}


def groups_active() -> list[Group]:
    return sorted((g for g in Group.scan() if g.active), key=lambda g: g.name.lower())


def group_get_or_none(group_id: str) -> Group | None:
    return Group.get_or_none(group_id) if is_valid_id(group_id) else None
