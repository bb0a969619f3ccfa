"""Write throttling backed by DynamoDB, so limits hold across Lambda instances.

Fixed one-minute windows: each write adds 1 to the item "{scope}#{window}"
(UpdateItem ADD, returned value compared with the limit; items expire by
TTL). Scopes: the API key (per key) and the client address (per address);
both must be under their limits. Admin keys are never throttled; reads are
not throttled here (API Gateway's stage throttling covers them)."""
from __future__ import annotations

import time
from datetime import datetime, timezone

from django.conf import settings
from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from rest_framework.throttling import BaseThrottle

from eventsite.dynamo.models import BaseModel

from .keys import Principal

WINDOW_SECONDS = 60
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class ThrottleWindow(BaseModel):
    class Meta:
        table_name = "ThrottleWindows"

    scope = UnicodeAttribute(hash_key=True)  # "key:{keyId}#{window}" | "ip:{address}#{window}"
    hits = NumberAttribute(default=0)
    expires_at = TTLAttribute()


def _hit(scope: str, window: int) -> int:
    item = ThrottleWindow(f"{scope}#{window}")
    item.update(actions=[ThrottleWindow.hits.add(1),
                         ThrottleWindow.expires_at.set(datetime.fromtimestamp((window + 2) * WINDOW_SECONDS,
                                                                              tz=timezone.utc))])
    return int(item.hits)


class DynamoWriteThrottle(BaseThrottle):
    def allow_request(self, request, view) -> bool:
        if request.method not in WRITE_METHODS:
            return True
        principal = request.user
        if isinstance(principal, Principal) and principal.is_admin:
            return True
        limits = settings.THROTTLE
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        self._wait = (window + 1) * WINDOW_SECONDS - now
        checks = [(f"ip:{self.get_ident(request)}", limits["writes_per_minute_per_address"])]
        if isinstance(principal, Principal):
            checks.append((f"key:{principal.key_id}", limits["writes_per_minute_per_key"]))
        return all(_hit(scope, window) <= limit for scope, limit in checks)

    def get_ident(self, request) -> str:
        # Only the address the platform saw: X-Forwarded-For is client-controlled.
        return request.META.get("REMOTE_ADDR") or "unknown"

    def wait(self) -> float:
        return getattr(self, "_wait", WINDOW_SECONDS)
