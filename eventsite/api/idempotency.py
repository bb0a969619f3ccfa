"""`Idempotency-Key` on POST: a retried POST (same key, same caller, same
body) gets the first answer again instead of acting twice.

The first request claims the key with a conditional put ("in_progress");
its answer is stored ("completed") unless it was a 5xx — then the claim is
released so a retry runs again. An answer marked `Cache-Control: no-store`
(sign-up, which carries a new API key) is never stored either. A key reused with a different request is
422; a retry while the first is still running is 409. Keys are scoped to the
caller (a hash of the Authorization header, or the client address) and kept
24 hours (TTL)."""
from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime, timedelta, timezone

from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError

from eventsite.dynamo.errors import is_condition_failure
from eventsite.dynamo.models import BaseModel

from .responses import json_error

HEADER = "HTTP_IDEMPOTENCY_KEY"
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
KEEP = timedelta(hours=24)


class IdempotentRequest(BaseModel):
    class Meta:
        table_name = "IdempotencyKeys"

    scope_key = UnicodeAttribute(hash_key=True)
    fingerprint = UnicodeAttribute()
    state = UnicodeAttribute()  # in_progress | completed
    status_code = NumberAttribute(null=True)
    content_type = UnicodeAttribute(null=True)
    body = UnicodeAttribute(null=True)  # base64
    expires_at = TTLAttribute()


def _scope(request) -> str:
    caller = request.META.get("HTTP_AUTHORIZATION") or f"addr:{request.META.get('REMOTE_ADDR', '')}"
    return hashlib.sha256(caller.encode()).hexdigest()[:32]


class IdempotencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.META.get(HEADER)
        if request.method != "POST" or key is None:
            return self.get_response(request)
        if not KEY_PATTERN.match(key):
            return json_error(400, "Idempotency-Key must be 1-255 visible ASCII characters.",
                              {"Idempotency-Key": ["Invalid."]})
        record_key = f"{_scope(request)}:{key}"
        fingerprint = hashlib.sha256(request.path.encode() + b"\n" + request.body).hexdigest()
        claim = IdempotentRequest(record_key, fingerprint=fingerprint, state="in_progress",
                                  expires_at=datetime.now(timezone.utc) + KEEP)
        try:
            claim.save(condition=IdempotentRequest.scope_key.does_not_exist())
        except PutError as exc:
            if not is_condition_failure(exc):
                raise
            return self._replay(record_key, fingerprint)
        try:
            response = self.get_response(request)
        except BaseException:
            claim.delete()
            raise
        if (response.status_code >= 500 or getattr(response, "streaming", False)
                or "no-store" in response.get("Cache-Control", "")):
            claim.delete()  # not answered (or carries a secret we never store): a retry runs again
            return response
        claim.update(actions=[IdempotentRequest.state.set("completed"),
                              IdempotentRequest.status_code.set(response.status_code),
                              IdempotentRequest.content_type.set(response.get("Content-Type", "application/json")),
                              IdempotentRequest.body.set(base64.b64encode(response.content).decode())])
        return response

    def _replay(self, record_key: str, fingerprint: str):
        from django.http import HttpResponse

        record = IdempotentRequest.get_or_none(record_key, consistent_read=True)
        if record is None:
            return json_error(409, "A request with this Idempotency-Key just finished failing; retry it.")
        if record.fingerprint != fingerprint:
            return json_error(422, "This Idempotency-Key was used for a different request.",
                              {"Idempotency-Key": ["Reused with another body or path."]})
        if record.state != "completed":
            return json_error(409, "A request with this Idempotency-Key is still in progress; retry shortly.",
                              headers={"Retry-After": "1"})
        response = HttpResponse(base64.b64decode(record.body or ""), status=int(record.status_code),
                                content_type=record.content_type)
        response["Idempotent-Replayed"] = "true"
        return response
