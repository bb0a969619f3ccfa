"""Response shapes of seed 002 (snake_case): event objects and day views
`{date, day_name, day_number, month_name, year, time_slots: [{time, events}], has_events}`."""
from __future__ import annotations

from datetime import date, datetime, timedelta

ALL_DAY = "All Day"


def event_data(item) -> dict:
    return {
        "event_id": item.event_id,
        "title": item.title,
        "description": item.description,
        "start_datetime": item.start_datetime,
        "end_datetime": item.end_datetime,
        "all_day": bool(item.all_day),
        "url": item.url,
        "location": item.location,
        "city": item.city,
        "state": item.state,
        "location_type": item.location_type,
        "group_id": item.group_id,
        "group_name": item.group_name,
        "group_website": item.group_website,
        "source_type": item.source_type,
        "last_seen_date": item.last_seen_date,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
    }


def _time_label(item) -> tuple[str, str]:
    """(sort key, label): all-day first, then by local time."""
    if item.all_day or len(item.start_datetime) == 10:
        return "", ALL_DAY
    moment = datetime.fromisoformat(item.start_datetime)
    return moment.strftime("%H:%M"), moment.strftime("%I:%M %p").lstrip("0")


def day_views(items: list, start: date, end: date) -> list[dict]:
    """One day object per date in [start, end], events grouped into time slots."""
    by_day: dict[str, dict[tuple[str, str], list]] = {}
    for item in items:
        by_day.setdefault(item.start_datetime[:10], {}).setdefault(_time_label(item), []).append(event_data(item))
    days = []
    current = start
    while current <= end:
        slots = by_day.get(current.isoformat(), {})
        days.append({
            "date": current.isoformat(),
            "day_name": current.strftime("%A"),
            "day_number": current.day,
            "month_name": current.strftime("%B"),
            "year": current.year,
            "time_slots": [{"time": label, "events": events} for (_, label), events in sorted(slots.items())],
            "has_events": bool(slots),
        })
        current += timedelta(days=1)
    return days


def group_data(group) -> dict:
    return {
        "id": group.group_id,
        "name": group.name,
        "website": group.website,
        "ical": group.ical,
        "active": bool(group.active),
        "fallback_url": group.fallback_url,
        "submitted_by": group.submitted_by,
        "submitter_link": group.submitter_link,
        "last_fetch": {
            "status": group.last_fetch_status,
            "error": group.last_fetch_error,
            "event_count": int(group.last_event_count) if group.last_event_count is not None else None,
            "at": group.last_fetch_at,
        },
    }
