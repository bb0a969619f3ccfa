"""Tables of the community calendar.

CalendarEvents is keyed by `event_id` alone — a hash of group + UID +
RECURRENCE-ID — so a rescheduled occurrence updates its item instead of
duplicating it (seed 002 keyed on start_datetime too, which duplicated moved
events). The three GSIs of the seed serve every read."""
from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from eventsite.dynamo.models import BaseModel


class DateIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "DateIndex"
        projection = AllProjection()

    state = UnicodeAttribute(hash_key=True)
    start_datetime = UnicodeAttribute(range_key=True)


class GroupIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "GroupIndex"
        projection = AllProjection()

    group_id = UnicodeAttribute(hash_key=True)
    start_datetime = UnicodeAttribute(range_key=True)


class LocationTypeIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "LocationTypeIndex"
        projection = AllProjection()

    location_type = UnicodeAttribute(hash_key=True)
    start_datetime = UnicodeAttribute(range_key=True)


class CalendarEvent(BaseModel):
    class Meta:
        table_name = "CalendarEvents"

    event_id = UnicodeAttribute(hash_key=True)
    start_datetime = UnicodeAttribute()  # site time zone, ISO with offset; YYYY-MM-DD when all-day
    end_datetime = UnicodeAttribute()
    all_day = BooleanAttribute(default=False)
    title = UnicodeAttribute()
    description = UnicodeAttribute(default="")
    url = UnicodeAttribute(null=True)
    location = UnicodeAttribute(default="")
    city = UnicodeAttribute(null=True)
    state = UnicodeAttribute()  # DC | MD | VA | ALL
    location_type = UnicodeAttribute()  # in_person | virtual
    group_id = UnicodeAttribute()
    group_name = UnicodeAttribute()
    group_website = UnicodeAttribute(null=True)
    source_type = UnicodeAttribute()  # ical | native
    uid = UnicodeAttribute(null=True)
    recurrence_id = UnicodeAttribute(null=True)
    last_seen_date = UnicodeAttribute()
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    ttl = TTLAttribute(null=True)

    by_state = DateIndex()
    by_group = GroupIndex()
    by_location_type = LocationTypeIndex()


class Group(BaseModel):
    """A group from its YAML file, plus the result of its last feed fetch."""

    class Meta:
        table_name = "Groups"

    group_id = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    website = UnicodeAttribute(null=True)
    ical = UnicodeAttribute(null=True)
    active = BooleanAttribute(default=True)
    submitted_by = UnicodeAttribute(null=True)
    submitter_link = UnicodeAttribute(null=True)
    fallback_url = UnicodeAttribute(null=True)
    suppress_urls = ListAttribute(of=UnicodeAttribute, default=list)
    scan_for_metadata = BooleanAttribute(default=False)
    url_override = UnicodeAttribute(null=True)
    # conditional GET state and the last fetch's outcome
    etag = UnicodeAttribute(null=True)
    last_modified = UnicodeAttribute(null=True)
    content_hash = UnicodeAttribute(null=True)
    last_fetch_at = UnicodeAttribute(null=True)
    last_fetch_status = UnicodeAttribute(null=True)  # ok | not_modified | error
    last_fetch_error = UnicodeAttribute(null=True)
    last_event_count = NumberAttribute(null=True)
    expanded_on = UnicodeAttribute(null=True)  # site date of the last full parse (the window it covers)
    updated_at = UnicodeAttribute(null=True)
