"""PynamoDB tables of the registrations app. These classes are the only table
definitions: create_tables, Pulumi and CDK derive from them."""
from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from eventsite.dynamo.models import BaseModel


class EventStatusIndex(GlobalSecondaryIndex):
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

    status_index = EventStatusIndex()


class User(BaseModel):
    class Meta:
        table_name = "Users"

    userId = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    email = UnicodeAttribute(null=True)
    createdAt = UnicodeAttribute()
