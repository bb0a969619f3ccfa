"""Stream tables. A topic's counter and its messages commit in one
transaction, so offsets are gapless; consume is one Query on StreamMessages."""
from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute

from eventsite.dynamo.models import BaseModel


class StreamTopic(BaseModel):
    class Meta:
        table_name = "StreamTopics"

    topic = UnicodeAttribute(hash_key=True)
    latest_offset = NumberAttribute(default=0)
    created_at = UnicodeAttribute(null=True)


class StreamMessage(BaseModel):
    class Meta:
        table_name = "StreamMessages"

    topic = UnicodeAttribute(hash_key=True)
    offset = NumberAttribute(range_key=True)
    payload = UnicodeAttribute(null=True)  # JSON text when inline
    s3_key = UnicodeAttribute(null=True)  # topics/{topic}/{offset:020}.json when large
    size = NumberAttribute()
    timestamp_ms = NumberAttribute()
    expires_at = TTLAttribute()


class ConsumerGroup(BaseModel):
    class Meta:
        table_name = "StreamConsumerGroups"

    topic = UnicodeAttribute(hash_key=True)
    group = UnicodeAttribute(range_key=True)
    committed_offset = NumberAttribute(default=0)
    updated_at = UnicodeAttribute()
