"""The calendar as an iCalendar feed (/events.ics) and a sitemap (/sitemap.xml)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from xml.sax.saxutils import escape


def ics_document(items: list, *, now: datetime) -> bytes:
    import icalendar  # on use: keeps it out of the API's cold start
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//eventsite//community calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Community calendar")
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"{item.event_id}@eventsite")
        event.add("dtstamp", now)
        if item.all_day or len(item.start_datetime) == 10:
            event.add("dtstart", date.fromisoformat(item.start_datetime[:10]))
            event.add("dtend", date.fromisoformat(item.end_datetime[:10]))
        else:
            event.add("dtstart", datetime.fromisoformat(item.start_datetime).astimezone(timezone.utc))
            event.add("dtend", datetime.fromisoformat(item.end_datetime).astimezone(timezone.utc))
        event.add("summary", item.title)
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        event.add("categories", [item.group_name])
        calendar.add_component(event)
    return calendar.to_ical()


def sitemap_document(base: str, paths: list[str], *, lastmod: date) -> bytes:
    entries = "".join(
        f"<url><loc>{escape(base + path)}</loc><lastmod>{lastmod.isoformat()}</lastmod></url>" for path in paths
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n').encode()


def week_ids(start: date, weeks: int) -> list[str]:
    ids = []
    for n in range(weeks):
        year, week, _ = (start + timedelta(weeks=n)).isocalendar()
        ids.append(f"{year}-W{week:02d}")
    return ids
