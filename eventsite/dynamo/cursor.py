"""Opaque, signed pagination cursors. A cursor carries DynamoDB's
LastEvaluatedKey and the scope (endpoint + filter) it was issued for; a
tampered cursor or one reused with another filter is rejected."""
from __future__ import annotations

from django.core import signing

_SALT = "eventsite.cursor.v1"


class InvalidCursor(ValueError):
    pass


def encode_cursor(last_evaluated_key: dict, *, scope: str) -> str:
    return signing.dumps({"k": last_evaluated_key, "s": scope}, salt=_SALT, compress=True)


def decode_cursor(token: str, *, scope: str) -> dict:
    try:
        payload = signing.loads(token, salt=_SALT)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise InvalidCursor("The cursor is not valid: use the one from the previous page's Link header.") from exc
    if not isinstance(payload, dict) or payload.get("s") != scope or not isinstance(payload.get("k"), dict):
        raise InvalidCursor("The cursor belongs to another list or filter: start again without a cursor.")
    return payload["k"]
