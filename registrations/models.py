"""PynamoDB tables of the registrations app. These classes are the only table
definitions: create_tables, Pulumi and CDK derive from them."""
from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from eventsite.dynamo.models import BaseModel


class EventsByStatusIndex(GlobalSecondaryIndex):
    """`GET /events?status=` is a Query here, newest first by createdAt."""

    class Meta:
        index_name = "StatusIndex"
        projection = AllProjection()

    status = UnicodeAttribute(hash_key=True)
    createdAt = UnicodeAttribute(range_key=True)


class Event(BaseModel):
    class Meta:
        table_name = "Events"

    eventId = UnicodeAttribute(hash_key=True)
    title = UnicodeAttribute()
    description = UnicodeAttribute(default="")
    date = UnicodeAttribute()
    location = UnicodeAttribute()
    capacity = NumberAttribute()
    organizer = UnicodeAttribute()
    status = UnicodeAttribute()
    hasWaitlist = BooleanAttribute(default=False)
    confirmedCount = NumberAttribute(default=0)
    waitlistCount = NumberAttribute(default=0)
    waitlistSeq = NumberAttribute(default=0)  # last waitlist position handed out
    ownerId = UnicodeAttribute(null=True)  # principal that created it (see Principal.owner_id)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()

    status_index = EventsByStatusIndex()


class User(BaseModel):
    class Meta:
        table_name = "Users"

    userId = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    email = UnicodeAttribute(null=True)
    createdAt = UnicodeAttribute()


class EventRegistrationsIndex(GlobalSecondaryIndex):
    """An event's registrations in registration order (seed 000)."""

    class Meta:
        index_name = "EventRegistrationsIndex"
        projection = AllProjection()

    eventId = UnicodeAttribute(hash_key=True)
    registeredAt = UnicodeAttribute(range_key=True)


class RegistrationStatusIndex(GlobalSecondaryIndex):
    """`?status=` on an event's registrations: a Query on "{eventId}#{status}"."""

    class Meta:
        index_name = "RegistrationStatusIndex"
        projection = AllProjection()

    eventStatus = UnicodeAttribute(hash_key=True)
    registeredAt = UnicodeAttribute(range_key=True)


class Registration(BaseModel):
    """One user's registration for one event (PK userId, SK eventId, as seed 000)."""

    class Meta:
        table_name = "Registrations"

    userId = UnicodeAttribute(hash_key=True)
    eventId = UnicodeAttribute(range_key=True)
    status = UnicodeAttribute()  # "confirmed" | "waitlisted"
    eventStatus = UnicodeAttribute()  # f"{eventId}#{status}", key of RegistrationStatusIndex
    registeredAt = UnicodeAttribute()  # never changes
    waitlistPosition = NumberAttribute(null=True)  # while waitlisted: the event's sequence number
    promotedAt = UnicodeAttribute(null=True)

    by_event = EventRegistrationsIndex()
    by_event_status = RegistrationStatusIndex()


class WaitlistEntry(BaseModel):
    """The waitlist as a queue: PK eventId, SK position. A base-table Query is
    strongly consistent, so the head is always the true earliest waiter
    (a GSI could lag and skip people)."""

    class Meta:
        table_name = "Waitlist"

    eventId = UnicodeAttribute(hash_key=True)
    position = NumberAttribute(range_key=True)
    userId = UnicodeAttribute()
    registeredAt = UnicodeAttribute()
