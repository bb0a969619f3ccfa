"""Fetching and parsing iCal feeds.

`fetch_feed` does a conditional GET (ETag / Last-Modified) with a timeout
and a size cap. `parse_feed` parses with `icalendar`, expands recurrences
with `recurring_ical_events` inside a window, honours TZID (including
Windows names and custom VTIMEZONEs), UTC, floating times (site zone) and
X-WR-TIMEZONE, keeps all-day events as dates, and skips — reporting — only
the events it cannot read, not the whole feed."""
from __future__ import annotations

import hashlib
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

# icalendar and recurring_ical_events are imported where used: they cost ~40 ms
# of every API cold start, and only the refresh needs them.

USER_AGENT = "eventsite-calendar/1.0 (+community calendar refresh)"


@dataclass
class FetchResult:
    status: str  # "ok" | "not_modified" | "error"
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


def fetch_feed(url: str, *, etag: str | None = None, last_modified: str | None = None,
               timeout: float = 10.0, max_bytes: int = 5 * 1024 * 1024) -> FetchResult:
    """GET a feed; never raises for network or HTTP trouble (status "error")."""
    if not url.lower().startswith(("http://", "https://")):
        return FetchResult("error", error="the ical URL is not http(s)")
    headers = {"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout) as response:
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    return FetchResult("error", error=f"timed out after {timeout:.0f} s")
                chunk = response.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    return FetchResult("error", error=f"feed larger than {max_bytes // (1024 * 1024)} MiB")
                chunks.append(chunk)
            return FetchResult("ok", b"".join(chunks), response.headers.get("ETag"),
                               response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return FetchResult("not_modified", etag=etag, last_modified=last_modified)
        return FetchResult("error", error=f"HTTP {exc.code}")
    except (TimeoutError, socket.timeout):
        return FetchResult("error", error=f"timed out after {timeout:.0f} s")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return FetchResult("error", error=f"timed out after {timeout:.0f} s")
        return FetchResult("error", error=f"could not connect ({type(reason).__name__})")


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True)
class Occurrence:
    uid: str
    recurrence_id: str | None
    start: date | datetime  # date when all-day, else aware datetime in the site zone
    end: date | datetime
    all_day: bool
    title: str
    description: str
    url: str | None
    location: str


@dataclass
class ParseResult:
    occurrences: list[Occurrence] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what could not be read, and why


def _text(component, name: str, limit: int) -> str:
    value = component.get(name)
    if value is None:
        return ""
    return str(value).strip()[:limit]


def _as_site_time(value, zone: tzinfo) -> date | datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:  # floating: the site's own time zone
            value = value.replace(tzinfo=zone)
        return value.astimezone(zone).replace(microsecond=0)
    return value


def _recurring_uids(calendar) -> set[str]:
    """UIDs that form a series: only their occurrences carry a RECURRENCE-ID
    identity (recurring_ical_events stamps one on every occurrence, which
    would make a rescheduled one-off event look like a new event)."""
    return {str(c.get("UID", "")) for c in calendar.walk("VEVENT")
            if c.get("RRULE") is not None or c.get("RDATE") is not None or c.get("RECURRENCE-ID") is not None}


def _occurrence(component, zone: tzinfo, recurring: set[str]) -> Occurrence | None:
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return None
    start = _as_site_time(component["DTSTART"].dt, zone)
    all_day = not isinstance(start, datetime)
    if component.get("DTEND") is not None:
        end = _as_site_time(component["DTEND"].dt, zone)
    elif component.get("DURATION") is not None:
        end = start + component["DURATION"].dt
    else:
        end = start + timedelta(days=1) if all_day else start
    if all_day and isinstance(end, datetime):
        end = end.date()
    if not all_day and not isinstance(end, datetime):
        end = start
    uid = _text(component, "UID", 1000)
    title = _text(component, "SUMMARY", 300) or "(untitled event)"
    if not uid:  # some exports omit UID: identity from what the event says about itself
        uid = "nouid-" + hashlib.sha256(f"{title}|{component['DTSTART'].to_ical()!r}".encode()).hexdigest()[:24]
    recurrence = component.get("RECURRENCE-ID") if str(component.get("UID", "")) in recurring else None
    recurrence_id = None
    if recurrence is not None:
        rid = recurrence.dt
        recurrence_id = (rid.astimezone(zone) if isinstance(rid, datetime) and rid.tzinfo else rid).isoformat()
    url = _text(component, "URL", 2000) or None
    return Occurrence(uid=uid, recurrence_id=recurrence_id, start=start, end=end, all_day=all_day, title=title,
                      description=_text(component, "DESCRIPTION", 5000), url=url,
                      location=_text(component, "LOCATION", 500))


def _expand(calendar, window_start: date, window_end: date, zone: tzinfo, result: ParseResult) -> None:
    import recurring_ical_events

    recurring = _recurring_uids(calendar)
    for component in recurring_ical_events.of(calendar).between(window_start, window_end):
        try:
            occurrence = _occurrence(component, zone, recurring)
        except Exception as exc:  # noqa: BLE001 - one unreadable event is skipped, not the feed
            result.skipped.append(f"{_text(component, 'UID', 80) or '?'}: {type(exc).__name__}")
            continue
        if occurrence is not None:
            result.occurrences.append(occurrence)


def _per_event_calendars(calendar):
    """Split a calendar into one calendar per UID (with its time zones), so a
    broken event can be skipped on its own."""
    import icalendar

    timezones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    by_uid: dict[str, list] = {}
    for component in calendar.subcomponents:
        if component.name == "VEVENT":
            by_uid.setdefault(str(component.get("UID", id(component))), []).append(component)
    for uid, events in by_uid.items():
        single = icalendar.Calendar()
        for c in timezones + events:
            single.add_component(c)
        yield uid, single


def parse_feed(body: bytes, *, window_start: date, window_end: date, zone: tzinfo) -> ParseResult:
    """Occurrences starting in [window_start, window_end). Raises ValueError
    when the feed as a whole is not iCalendar."""
    import icalendar

    try:
        calendars = icalendar.Calendar.from_ical(body, multiple=True)
    except Exception as exc:  # noqa: BLE001 - the library raises many kinds
        raise ValueError(f"not a readable iCalendar file ({type(exc).__name__})") from exc
    if not calendars:
        raise ValueError("no VCALENDAR in the feed")
    result = ParseResult()
    for calendar in calendars:
        try:
            _expand(calendar, window_start, window_end, zone, result)
        except Exception:  # noqa: BLE001 - find the broken events one by one
            for uid, single in _per_event_calendars(calendar):
                try:
                    _expand(single, window_start, window_end, zone, result)
                except Exception as exc:  # noqa: BLE001
                    result.skipped.append(f"{uid[:80]}: {type(exc).__name__}")
    return result
