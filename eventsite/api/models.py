"""API keys. Only a SHA-256 hash of each key is stored (keys are 256-bit
random tokens, so a fast hash is enough); the hash is the table key, so a
lookup is one GetItem and the plaintext never touches DynamoDB."""
from pynamodb.attributes import UnicodeAttribute

from eventsite.dynamo.models import BaseModel

ROLES = ("admin", "organizer", "member")


class ApiKey(BaseModel):
    class Meta:
        table_name = "ApiKeys"

    keyHash = UnicodeAttribute(hash_key=True)
    keyId = UnicodeAttribute()  # public, short, safe to log and show
    name = UnicodeAttribute()
    role = UnicodeAttribute()
    userId = UnicodeAttribute(null=True)
    createdAt = UnicodeAttribute()
