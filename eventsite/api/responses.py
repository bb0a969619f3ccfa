"""Builds error bodies in the one error format, for DRF views and plain Django."""
from __future__ import annotations

from django.http import JsonResponse

from .context import request_id


def error_body(detail: str, errors: dict | None = None) -> dict:
    body: dict = {"detail": detail}
    if errors:
        body["errors"] = errors
    return body


def json_error(status: int, detail: str, errors: dict | None = None, headers: dict | None = None) -> JsonResponse:
    response = JsonResponse(error_body(detail, errors), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error_response(exc) -> JsonResponse:
    """An ApplicationError as a plain Django response (outside DRF views)."""
    return json_error(exc.status_code, exc.detail, exc.errors, exc.headers)


def server_error_detail() -> str:
    return f"Something went wrong on our side; quote request id {request_id.get()} when reporting it."


def safe_methods_only(view):
    """For plain Django views: GET/HEAD only, other methods 405 in the error format."""
    from functools import wraps

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = json_error(405, f"{request.method} is not allowed on this URL.")
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return wrapper
