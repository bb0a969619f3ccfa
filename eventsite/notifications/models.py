"""Idempotency of the worker: one item per queued message, created with a
conditional put before the email is sent."""
from pynamodb.attributes import TTLAttribute, UnicodeAttribute

from eventsite.dynamo.models import BaseModel


class SentNotification(BaseModel):
    class Meta:
        table_name = "SentNotifications"

    message_id = UnicodeAttribute(hash_key=True)  # "{topic}:{offset}" of the change it reports
    status = UnicodeAttribute()  # sending | sent
    updated_at = UnicodeAttribute()
    expires_at = TTLAttribute()
