"""Writes of the community calendar: importing groups, refreshing their feeds,
and mirroring managed events (source_type "native").

Refresh rules (seed 002, with its bugs fixed):
- conditional GET; a 304 or byte-identical feed is not parsed — but only
  within the day its occurrences were last expanded (the 60-day window moves
  daily, so the first run of a day always reads the feed);
- an occurrence's identity is group + UID + RECURRENCE-ID, so a moved event
  updates its item; only items whose stored attributes differ are written:
  a rerun over unchanged feeds writes nothing (the group's status too is
  written only when its outcome changes);
- last-seen: an event still in the feed gets last_seen_date = today; one
  missing from the feed is kept if it starts today or was seen yesterday or
  today, deleted otherwise; past events are left to TTL (end + 7 days);
- one broken, slow or huge feed never stops the others.
"""
from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from eventsite.dynamo.models import iso_now

from . import classify
from .group_files import InvalidGroupFile, parse_group_file
from .ical import Occurrence, content_hash, fetch_feed, parse_feed
from .models import CalendarEvent, Group

log = logging.getLogger("eventsite.calendars")

NATIVE_GROUP_ID = "eventsite"
_COMPARED = ("start_datetime", "end_datetime", "all_day", "title", "description", "url", "location", "city",
             "state", "location_type", "group_id", "group_name", "group_website", "source_type", "uid",
             "recurrence_id", "last_seen_date", "ttl")


def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.CALENDAR["timezone"])


def site_today() -> date:
    return datetime.now(site_zone()).date()


# --- groups -----------------------------------------------------------------------


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    invalid: dict[str, str] = field(default_factory=dict)  # file name -> reason
    warnings: dict[str, list[str]] = field(default_factory=dict)


def groups_import(*, directory: Path, feeds_base: str | None = None) -> ImportReport:
    """Import every *.yaml/*.yml file; invalid files are reported and skipped.
    A group's fetch state survives a re-import."""
    report = ImportReport()
    files = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    for path in files:
        try:
            parsed = parse_group_file(path, feeds_base=feeds_base)
        except InvalidGroupFile as exc:
            report.invalid[path.name] = str(exc)
            continue
        group = Group.get_or_none(parsed.group_id, consistent_read=True) or Group(parsed.group_id)
        changed = any(getattr(group, k) != v for k, v in parsed.fields.items())
        if changed:
            for key, value in parsed.fields.items():
                setattr(group, key, value)
            if group.etag or group.content_hash:  # the feed URL may have changed: fetch in full next time
                group.etag = group.last_modified = group.content_hash = None
            group.updated_at = iso_now()
            group.save()
        report.imported.append(parsed.group_id)
        if parsed.warnings:
            report.warnings[path.name] = list(parsed.warnings)
    return report


# --- turning occurrences into items ---------------------------------------------------


def event_key(group_id: str, uid: str, recurrence_id: str | None) -> str:
    return hashlib.sha256(f"{group_id}\x1f{uid}\x1f{recurrence_id or ''}".encode()).hexdigest()[:40]


def _stamp(value) -> str:
    return value.isoformat() if isinstance(value, date) and not isinstance(value, datetime) else \
        value.isoformat(timespec="seconds")


def _ttl(end) -> datetime:
    if not isinstance(end, datetime):
        end = datetime.combine(end, time.min, tzinfo=site_zone())
    return end + timedelta(days=7)


def occurrence_attributes(group: Group, occurrence: Occurrence, today: date) -> dict:
    url = occurrence.url or group.url_override or group.fallback_url or group.website
    kind = classify.location_type(occurrence.location, occurrence.title)
    return {
        "start_datetime": _stamp(occurrence.start),
        "end_datetime": _stamp(occurrence.end),
        "all_day": occurrence.all_day,
        "title": occurrence.title,
        "description": occurrence.description,
        "url": url,
        "location": occurrence.location,
        "city": classify.city(occurrence.location) if kind == "in_person" else None,
        "state": classify.state(occurrence.location),
        "location_type": kind,
        "group_id": group.group_id,
        "group_name": group.name,
        "group_website": group.website,
        "source_type": "ical",
        "uid": occurrence.uid,
        "recurrence_id": occurrence.recurrence_id,
        "last_seen_date": today.isoformat(),
        "ttl": _ttl(occurrence.end),
    }


def _stored(item: CalendarEvent) -> dict:
    values = {name: getattr(item, name) for name in _COMPARED}
    if values["ttl"] is not None:
        values["ttl"] = values["ttl"].replace(microsecond=0)
    return values


def _normalised(attributes: dict) -> dict:
    values = dict(attributes)
    values["ttl"] = values["ttl"].astimezone(ZoneInfo("UTC")).replace(microsecond=0)
    return values


# --- refreshing ----------------------------------------------------------------------


@dataclass
class GroupOutcome:
    group_id: str
    status: str  # ok | not_modified | error | skipped
    events: int = 0
    written: int = 0
    deleted: int = 0
    error: str | None = None
    skipped_events: list[str] = field(default_factory=list)


def _record(group: Group, status: str, *, error: str | None = None, events: int | None = None,
            fetch=None, hash_: str | None = None, today: date | None = None) -> int:
    """Save the group's fetch state only when something in it changed; returns writes."""
    changes = {"last_fetch_status": status, "last_fetch_error": error}
    if events is not None:
        changes["last_event_count"] = events
    if fetch is not None and status == "ok":
        changes.update(etag=fetch.etag, last_modified=fetch.last_modified, content_hash=hash_,
                       expanded_on=today.isoformat() if today else None)
    if all(getattr(group, k, None) == v for k, v in changes.items()):
        return 0
    for key, value in changes.items():
        setattr(group, key, value)
    group.last_fetch_at = iso_now()
    group.save()
    return 1


def _window(today: date) -> tuple[date, date]:
    return today, today + timedelta(days=settings.CALENDAR["window_days"])


def _apply(group: Group, occurrences: list[Occurrence], today: date) -> tuple[int, int]:
    """Write what changed, delete what the last-seen rules drop. Returns (written, deleted)."""
    suppressed = set(group.suppress_urls or [])
    wanted: dict[str, dict] = {}
    for occurrence in occurrences:
        if occurrence.url and occurrence.url in suppressed:
            continue
        wanted[event_key(group.group_id, occurrence.uid, occurrence.recurrence_id)] = \
            occurrence_attributes(group, occurrence, today)
    existing = {item.event_id: item for item in CalendarEvent.by_group.query(group.group_id)}
    now = iso_now()
    yesterday = (today - timedelta(days=1)).isoformat()
    written = deleted = 0
    with CalendarEvent.batch_write() as batch:
        for key, attributes in wanted.items():
            current = existing.get(key)
            if current is not None and _stored(current) == _normalised(attributes):
                continue
            created = current.created_at if current is not None else now
            batch.save(CalendarEvent(key, **attributes, created_at=created, updated_at=now))
            written += 1
        for key, item in existing.items():
            if key in wanted or item.start_datetime[:10] < today.isoformat():
                continue  # seen, or past: TTL removes it (end + 7 days)
            if item.start_datetime[:10] == today.isoformat() or item.last_seen_date >= yesterday:
                continue  # grace: today's events and ones seen yesterday stay
            batch.delete(item)
            deleted += 1
    return written, deleted


def group_refresh(group: Group, *, today: date | None = None) -> GroupOutcome:
    today = today or site_today()
    conf = settings.CALENDAR
    if not group.active or not group.ical:
        return GroupOutcome(group.group_id, "skipped")
    # Conditional GET only within the day of the last good parse: the window moves daily.
    same_window = group.expanded_on == today.isoformat() and group.last_fetch_status == "ok"
    fetch = fetch_feed(group.ical, etag=group.etag if same_window else None,
                       last_modified=group.last_modified if same_window else None,
                       timeout=conf["fetch_timeout_seconds"], max_bytes=conf["max_feed_bytes"])
    if fetch.status == "error":
        _record(group, "error", error=fetch.error)
        return GroupOutcome(group.group_id, "error", error=fetch.error)
    hash_ = content_hash(fetch.body) if fetch.body is not None else None
    if fetch.status == "not_modified" or (same_window and hash_ == group.content_hash):
        return GroupOutcome(group.group_id, "not_modified", events=int(group.last_event_count or 0))
    start, end = _window(today)
    try:
        parsed = parse_feed(fetch.body, window_start=start, window_end=end, zone=site_zone())
    except ValueError as exc:
        _record(group, "error", error=str(exc))
        return GroupOutcome(group.group_id, "error", error=str(exc))
    occurrences = parsed.occurrences[: conf["max_occurrences_per_feed"]]
    written, deleted = _apply(group, occurrences, today)
    _record(group, "ok", error=None, events=len(occurrences), fetch=fetch, hash_=hash_, today=today)
    return GroupOutcome(group.group_id, "ok", events=len(occurrences), written=written, deleted=deleted,
                        skipped_events=parsed.skipped)


def calendar_refresh(*, group_id: str | None = None, today: date | None = None) -> list[GroupOutcome]:
    """Refresh one group or every active group (feeds fetched in parallel)."""
    if group_id is not None:
        group = Group.get_or_none(group_id, consistent_read=True)
        groups = [group] if group is not None else []
    else:
        groups = [g for g in Group.scan() if g.active and g.ical]

    def safe(group: Group) -> GroupOutcome:
        try:
            return group_refresh(group, today=today)
        except Exception as exc:  # noqa: BLE001 - one group's failure never stops the others
            log.exception("refresh of group %s failed", group.group_id)
            return GroupOutcome(group.group_id, "error", error=f"internal error ({type(exc).__name__})")

    with ThreadPoolExecutor(max_workers=max(1, settings.CALENDAR["fetch_workers"])) as pool:
        return list(pool.map(safe, groups))


# --- managed events in the calendar ------------------------------------------------------


def native_event_sync(event) -> None:
    """Mirror a managed event into the calendar while its status is "active".
    Best effort: the event's own write has committed; a failed mirror is
    logged (and fixed by the event's next write)."""
    try:
        _native_event_sync(event)
    except Exception:  # noqa: BLE001
        log.exception("calendar mirror of event %s failed", event.eventId)


def _native_event_sync(event) -> None:
    key = f"native-{event.eventId}"
    if event.status != "active":
        CalendarEvent(key).delete()
        return
    day = date.fromisoformat(event.date)
    now = iso_now()
    existing = CalendarEvent.get_or_none(key)
    CalendarEvent(
        key, start_datetime=day.isoformat(), end_datetime=(day + timedelta(days=1)).isoformat(), all_day=True,
        title=event.title, description=event.description, url=None, location=event.location,
        city=classify.city(event.location), state=classify.state(event.location),
        location_type=classify.location_type(event.location, event.title), group_id=NATIVE_GROUP_ID,
        group_name=event.organizer, group_website=None, source_type="native", uid=event.eventId,
        recurrence_id=None, last_seen_date=site_today().isoformat(),
        created_at=existing.created_at if existing else now, updated_at=now, ttl=_ttl(day + timedelta(days=1)),
    ).save()


def native_event_remove(event_id: str) -> None:
    from eventsite.dynamo.transactions import with_retries

    with_retries(lambda: CalendarEvent(f"native-{event_id}").delete())
