"""Creating and checking API keys. Format: `esk_<keyId>_<secret>`."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from eventsite.dynamo.models import iso_now

from .errors import ValidationFailed
from .models import ROLES, ApiKey

PREFIX = "esk_"


@dataclass(frozen=True)
class Principal:
    """Who is calling: resolved from an API key."""

    key_id: str
    name: str
    role: str
    user_id: str | None = None

    is_authenticated = True

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def owner_id(self) -> str:
        """Stable owner recorded on what this principal creates."""
        return f"user:{self.user_id}" if self.user_id else f"key:{self.key_id}"


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def api_key_create(*, role: str, name: str, user_id: str | None = None) -> tuple[str, ApiKey]:
    """Store a new key (hash only) and return the plaintext once."""
    name = (name or "").strip()
    if role not in ROLES:
        raise ValidationFailed(f"Role must be one of {', '.join(ROLES)}.", errors={"role": ["Unknown role."]})
    if not name or len(name) > 200:
        raise ValidationFailed("Give the key a name of 1-200 characters.", errors={"name": ["Required."]})
    if role == "member" and not user_id:
        raise ValidationFailed("A member key must be bound to a user (--user-id).", errors={"userId": ["Required."]})
    key_id = secrets.token_hex(6)
    raw = f"{PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    record = ApiKey(hash_key(raw), keyId=key_id, name=name, role=role, userId=user_id, createdAt=iso_now())
    record.save(condition=ApiKey.keyHash.does_not_exist())
    return raw, record


def principal_for(raw: str) -> Principal | None:
    """The principal of a presented key, or None if it is unknown."""
    if not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    digest = hash_key(raw)
    record = ApiKey.get_or_none(digest)
    if record is None or not hmac.compare_digest(record.keyHash, digest):
        return None
    return Principal(key_id=record.keyId, name=record.name, role=record.role, user_id=record.userId)
