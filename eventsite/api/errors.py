"""The one ApplicationError family. Services raise these; the exception handler
maps each to its HTTP status and the error format
`{"detail": "...", "errors": {field: [...]}}` exactly once."""
from __future__ import annotations


class ApplicationError(Exception):
    status_code = 400
    default_detail = "The request could not be processed."

    def __init__(self, detail: str | None = None, *, errors: dict | None = None, headers: dict | None = None):
        self.detail = detail or self.default_detail
        self.errors = errors
        self.headers = headers or {}
        super().__init__(self.detail)


class BadRequest(ApplicationError):
    status_code = 400
    default_detail = "The request is malformed."


class Unauthorized(ApplicationError):
    status_code = 401
    default_detail = "Send a valid key in the header 'Authorization: Api-Key <key>'."


class Forbidden(ApplicationError):
    status_code = 403
    default_detail = "Your key's role does not allow this."


class NotFound(ApplicationError):
    status_code = 404
    default_detail = "Not found."


class Conflict(ApplicationError):
    status_code = 409
    default_detail = "The request conflicts with the current state."


class PayloadTooLarge(ApplicationError):
    status_code = 413
    default_detail = "The request body is larger than 256 KiB."


class UnsupportedMediaType(ApplicationError):
    status_code = 415
    default_detail = "Send the body as JSON with 'Content-Type: application/json'."


class ValidationFailed(ApplicationError):
    status_code = 422
    default_detail = "Some fields are invalid."


class StoreUnavailable(ApplicationError):
    status_code = 503
    default_detail = "The data store is unavailable right now; retry shortly."

    def __init__(self, detail: str | None = None, *, retry_after: int = 1):
        super().__init__(detail, headers={"Retry-After": str(retry_after)})
