"""Output shapes of the calendar endpoints, for the OpenAPI schema."""
from rest_framework import serializers


class CalendarEventSerializer(serializers.Serializer):
    event_id = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    start_datetime = serializers.CharField()
    end_datetime = serializers.CharField()
    all_day = serializers.BooleanField()
    url = serializers.CharField(allow_null=True)
    location = serializers.CharField(allow_blank=True)
    city = serializers.CharField(allow_null=True)
    state = serializers.ChoiceField(choices=["DC", "MD", "VA", "ALL"])
    location_type = serializers.ChoiceField(choices=["in_person", "virtual"])
    group_id = serializers.CharField()
    group_name = serializers.CharField()
    group_website = serializers.CharField(allow_null=True)
    source_type = serializers.ChoiceField(choices=["ical", "native"])
    last_seen_date = serializers.CharField()
    created_at = serializers.CharField()
    updated_at = serializers.CharField()


class TimeSlotSerializer(serializers.Serializer):
    time = serializers.CharField()
    events = CalendarEventSerializer(many=True)


class DaySerializer(serializers.Serializer):
    date = serializers.DateField()
    day_name = serializers.CharField()
    day_number = serializers.IntegerField()
    month_name = serializers.CharField()
    year = serializers.IntegerField()
    time_slots = TimeSlotSerializer(many=True)
    has_events = serializers.BooleanField()


class EventListSerializer(serializers.Serializer):
    events = CalendarEventSerializer(many=True)
    count = serializers.IntegerField()
    filters = serializers.DictField(child=serializers.CharField(allow_null=True))


class DaysSerializer(serializers.Serializer):
    days = DaySerializer(many=True)
    count = serializers.IntegerField()
    location_type = serializers.CharField()


class WeekSerializer(serializers.Serializer):
    week = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    days = DaySerializer(many=True)
    count = serializers.IntegerField()


class LocationsSerializer(serializers.Serializer):
    states = serializers.DictField(child=serializers.IntegerField())
    total = serializers.IntegerField()


class StateEventsSerializer(serializers.Serializer):
    state = serializers.CharField()
    events = CalendarEventSerializer(many=True)
    count = serializers.IntegerField()


class LastFetchSerializer(serializers.Serializer):
    status = serializers.CharField(allow_null=True)
    error = serializers.CharField(allow_null=True)
    event_count = serializers.IntegerField(allow_null=True)
    at = serializers.CharField(allow_null=True)


class GroupSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    website = serializers.CharField(allow_null=True)
    ical = serializers.CharField(allow_null=True)
    active = serializers.BooleanField()
    fallback_url = serializers.CharField(allow_null=True)
    submitted_by = serializers.CharField(allow_null=True)
    submitter_link = serializers.CharField(allow_null=True)
    last_fetch = LastFetchSerializer()


class GroupListSerializer(serializers.Serializer):
    groups = GroupSerializer(many=True)
    count = serializers.IntegerField()


class GroupEventsSerializer(serializers.Serializer):
    group = GroupSerializer()
    events = CalendarEventSerializer(many=True)
    count = serializers.IntegerField()
