"""Request validation and response shapes for events (camelCase, seed 001)."""
from __future__ import annotations

from rest_framework import serializers

from eventsite.api.fields import (
    DateStringField,
    IdField,
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
    StrictSerializer,
)

MAX_CAPACITY = 1_000_000_000


class EventSerializer(StrictSerializer):
    """Create body and full event response."""

    eventId = IdField(required=False)
    title = StrictCharField(max_length=200)
    description = StrictCharField(max_length=5000, allow_blank=True)
    date = DateStringField()
    location = StrictCharField(max_length=300)
    capacity = StrictIntegerField(min_value=0, max_value=MAX_CAPACITY)
    organizer = StrictCharField(max_length=200)
    status = StrictCharField(max_length=50)
    hasWaitlist = StrictBooleanField(required=False, default=False)
    confirmedCount = serializers.IntegerField(read_only=True)
    waitlistCount = serializers.IntegerField(read_only=True)
    createdAt = serializers.CharField(read_only=True)
    updatedAt = serializers.CharField(read_only=True)


class EventUpdateSerializer(EventSerializer):
    """PUT and PATCH bodies: every field optional (partial update, as seed 001)."""

    def __init__(self, *args, **kwargs):
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.fields["hasWaitlist"].default = serializers.empty


def event_data(event) -> dict:
    """Response body of one event."""
    return {
        "eventId": event.eventId,
        "title": event.title,
        "description": event.description,
        "date": event.date,
        "location": event.location,
        "capacity": int(event.capacity),
        "organizer": event.organizer,
        "status": event.status,
        "hasWaitlist": bool(event.hasWaitlist),
        "confirmedCount": int(event.confirmedCount or 0),
        "waitlistCount": int(event.waitlistCount or 0),
        "createdAt": event.createdAt,
        "updatedAt": event.updatedAt,
    }
