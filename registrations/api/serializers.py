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


class UserSerializer(StrictSerializer):
    """Sign-up body and user response."""

    userId = IdField(required=False)
    name = StrictCharField(max_length=200)
    email = serializers.EmailField(required=False, allow_null=True, max_length=254)
    createdAt = serializers.CharField(read_only=True)

    def to_internal_value(self, data):
        if isinstance(data, dict) and "email" in data and data["email"] is not None and not isinstance(data["email"], str):
            raise serializers.ValidationError({"email": ["Must be a string."]})
        return super().to_internal_value(data)


class UserCreatedSerializer(serializers.Serializer):
    """Sign-up response (output only)."""

    userId = serializers.CharField()
    name = serializers.CharField()
    email = serializers.CharField(allow_null=True)
    createdAt = serializers.CharField()
    apiKey = serializers.CharField(required=False,
                                   help_text="A member key bound to this user; shown once (not for admin callers).")


class RegistrationRequestSerializer(StrictSerializer):
    userId = IdField(required=False, help_text="Defaults to the member key's own user.")


class RegistrationSerializer(serializers.Serializer):
    userId = serializers.CharField()
    eventId = serializers.CharField()
    status = serializers.ChoiceField(choices=["confirmed", "waitlisted"])
    registeredAt = serializers.CharField()
    promotedAt = serializers.CharField(required=False)
    placeInLine = serializers.IntegerField(required=False, help_text="Only while waitlisted, at registration.")


class UserRegistrationSerializer(serializers.Serializer):
    eventId = serializers.CharField()
    eventTitle = serializers.CharField(allow_null=True)
    status = serializers.ChoiceField(choices=["confirmed", "waitlisted"])
    registeredAt = serializers.CharField()


def user_data(user, api_key: str | None = None) -> dict:
    data = {"userId": user.userId, "name": user.name, "email": user.email, "createdAt": user.createdAt}
    if api_key:
        data["apiKey"] = api_key
    return data


def registration_data(registration, place_in_line: int | None = None) -> dict:
    data = {"userId": registration.userId, "eventId": registration.eventId, "status": registration.status,
            "registeredAt": registration.registeredAt}
    if registration.promotedAt:
        data["promotedAt"] = registration.promotedAt
    if place_in_line is not None:
        data["placeInLine"] = place_in_line
    return data


def user_registration_data(registration, title: str | None) -> dict:
    return {"eventId": registration.eventId, "eventTitle": title, "status": registration.status,
            "registeredAt": registration.registeredAt}
