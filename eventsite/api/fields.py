"""Strict DRF fields: JSON types are never coerced (5.0, "5", true are not
integers; "true" is not a boolean; 5 is not a string)."""
from __future__ import annotations

import re
from datetime import date

from rest_framework import serializers

ID_PATTERN = re.compile(r"^[A-Za-z0-9._~-]{1,128}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_valid_id(value: str) -> bool:
    return isinstance(value, str) and bool(ID_PATTERN.match(value))


class StrictCharField(serializers.CharField):
    default_error_messages = {"invalid": "Must be a string."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    default_error_messages = {"invalid": "Must be an integer (not a string, float or boolean)."}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    default_error_messages = {"invalid": "Must be true or false."}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class IdField(serializers.RegexField):
    """1-128 characters of [A-Za-z0-9._~-]; never trimmed or replaced."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 128)
        super().__init__(ID_PATTERN.pattern, trim_whitespace=False,
                         error_messages={"invalid": "Use 1-128 characters of A-Z a-z 0-9 . _ ~ -"}, **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class DateStringField(serializers.CharField):
    """A real calendar date written YYYY-MM-DD, kept as that string (not trimmed)."""

    default_error_messages = {"invalid": "Must be a real date written YYYY-MM-DD."}

    def __init__(self, **kwargs):
        super().__init__(trim_whitespace=False, max_length=10, min_length=10, **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not DATE_PATTERN.match(data):
            self.fail("invalid")
        try:
            date.fromisoformat(data)
        except ValueError:
            self.fail("invalid")
        return data


class StrictSerializer(serializers.Serializer):
    """Rejects unknown fields (422). Read-only fields sent in a body are ignored."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)
