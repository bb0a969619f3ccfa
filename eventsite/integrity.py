"""Cross-table invariants, checked by `manage.py verify_data` (full scans:
a maintenance tool, not a request path). Each check yields one line per
violation."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from eventsite.calendars.models import CalendarEvent, Group
from eventsite.calendars.services import NATIVE_GROUP_ID
from eventsite.streams.models import StreamMessage, StreamTopic
from registrations.models import Event, Registration, WaitlistEntry


def registration_counters(events: dict[str, Event], registrations: list[Registration]) -> Iterator[str]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in registrations:
        counts[r.eventId][0 if r.status == "confirmed" else 1] += 1
    for event_id, event in events.items():
        confirmed, waitlisted = counts.get(event_id, [0, 0])
        if (int(event.confirmedCount), int(event.waitlistCount)) != (confirmed, waitlisted):
            yield (f"event {event_id}: counters confirmed={int(event.confirmedCount)} waitlisted="
                   f"{int(event.waitlistCount)}, registrations confirmed={confirmed} waitlisted={waitlisted}")
        if confirmed > int(event.capacity):
            yield f"event {event_id}: {confirmed} confirmed for capacity {int(event.capacity)} (oversold)"
        if waitlisted and confirmed < int(event.capacity):
            yield f"event {event_id}: {waitlisted} waiting while {int(event.capacity) - confirmed} seats are free"


def orphaned_registrations(events: dict[str, Event], registrations: list[Registration]) -> Iterator[str]:
    for r in registrations:
        if r.eventId not in events:
            yield f"registration {r.userId}/{r.eventId}: its event does not exist"


def waitlist_queue(registrations: list[Registration], entries: list[WaitlistEntry]) -> Iterator[str]:
    waiting = {(r.eventId, int(r.waitlistPosition)): r.userId for r in registrations
               if r.status == "waitlisted" and r.waitlistPosition is not None}
    queued = {(e.eventId, int(e.position)): e.userId for e in entries}
    for key in sorted(set(waiting) ^ set(queued)):
        yield f"waitlist {key[0]} position {key[1]}: queue and registrations disagree"
    for key in sorted(set(waiting) & set(queued)):
        if waiting[key] != queued[key]:
            yield f"waitlist {key[0]} position {key[1]}: queue says {queued[key]}, registration says {waiting[key]}"


def calendar_without_group(events: dict[str, Event]) -> Iterator[str]:
    groups = {g.group_id for g in Group.scan()}
    for item in CalendarEvent.scan():
        if item.group_id == NATIVE_GROUP_ID:
            event = events.get(item.uid or "")
            if event is None or event.status != "active":
                yield f"calendar item {item.event_id}: mirrors a managed event that is gone or not active"
        elif item.group_id not in groups:
            yield f"calendar item {item.event_id}: group {item.group_id!r} does not exist"


def stream_offsets() -> Iterator[str]:
    latest = {t.topic: int(t.latest_offset) for t in StreamTopic.scan()}
    offsets: dict[str, list[int]] = defaultdict(list)
    for message in StreamMessage.scan():
        offsets[message.topic].append(int(message.offset))
    for topic, found in offsets.items():
        found.sort()
        if topic not in latest:
            yield f"topic {topic}: messages without a topic counter"
            continue
        if found[-1] > latest[topic]:
            yield f"topic {topic}: message {found[-1]} beyond the latest offset {latest[topic]}"
        # expired messages (30-day TTL) may be missing from the start, never from the middle or the end
        expected = list(range(found[0], latest[topic] + 1))
        if found != expected:
            missing = sorted(set(expected) - set(found))[:5]
            yield f"topic {topic}: gap in offsets (missing {missing})"


def all_violations() -> list[str]:
    events = {e.eventId: e for e in Event.scan()}
    registrations = list(Registration.scan())
    entries = list(WaitlistEntry.scan())
    return [*registration_counters(events, registrations), *orphaned_registrations(events, registrations),
            *waitlist_queue(registrations, entries), *calendar_without_group(events), *stream_offsets()]
