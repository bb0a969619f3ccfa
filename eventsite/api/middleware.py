"""Request-wide middleware: request ids, Server-Timing with DynamoDB cost, and
the body rules that hold before any view runs (413 over the size limit, 415
for a non-JSON body on a write)."""
from __future__ import annotations

import re
import time
import uuid
from io import BytesIO

from django.conf import settings

from eventsite.dynamo import stats

from .context import request_id
from .errors import PayloadTooLarge, UnsupportedMediaType
from .responses import error_response, json_error

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
_WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _json_media_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


class RequestContextMiddleware:
    """Outermost: gives every response `X-Request-Id` and `Server-Timing`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-Id", "")
        rid = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(rid)
        calls = stats.begin()
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        total_ms = (time.perf_counter() - started) * 1000
        response["X-Request-Id"] = rid
        response["Server-Timing"] = (
            f'dynamodb;desc="{calls.calls} calls";dur={calls.seconds * 1000:.2f}, app;dur={total_ms:.2f}'
        )
        return response


class RequestBodyMiddleware:
    """413 for bodies over MAX_REQUEST_BODY_BYTES, 415 for non-JSON write bodies.

    Also sets CONTENT_LENGTH when a body arrived without one (chunked uploads,
    API Gateway events), since DRF reads no body without it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.MAX_REQUEST_BODY_BYTES

    def __call__(self, request):
        if request.method in _WRITE_METHODS or request.method == "DELETE":
            try:
                declared = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return json_error(400, "The Content-Length header is not a number.")
            body = request.read(self.limit + 1)  # bounded: never more than the limit + 1 byte
            if max(declared, len(body)) > self.limit:
                return error_response(PayloadTooLarge(f"The request body is larger than {self.limit // 1024} KiB."))
            request._body = body  # later .body / DRF stream reads see the same bytes
            request._stream = BytesIO(body)
            request._read_started = False
            request.META["CONTENT_LENGTH"] = str(len(body))
            if body and request.method in _WRITE_METHODS and not _json_media_type(request.content_type or ""):
                return error_response(UnsupportedMediaType())
        return self.get_response(request)
