"""Per-request context (request id) readable anywhere in the request."""
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")
