"""The single DRF exception handler: every error leaves as
`{"detail": ..., "errors"?: ...}` with the status of the contract. Store
outages become 503 + Retry-After; anything unexpected a generic 500 with the
request id (never a stack trace or AWS error text)."""
from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions as drf
from rest_framework.response import Response

from eventsite.dynamo.errors import is_transient

from .errors import ApplicationError, StoreUnavailable, UnsupportedMediaType
from .responses import error_body, server_error_detail

log = logging.getLogger("eventsite.errors")


def _flatten(detail) -> dict | list | str:
    if isinstance(detail, dict):
        return {str(k): _flatten(v) for k, v in detail.items()}
    if isinstance(detail, list):
        return [_flatten(v) if isinstance(v, (dict, list)) else str(v) for v in detail]
    return str(detail)


def _validation_response(exc: drf.ValidationError) -> Response:
    detail = exc.detail
    if isinstance(detail, dict):
        errors = {k: (v if isinstance(v, list) else [v]) for k, v in _flatten(detail).items()}
        general = errors.pop("non_field_errors", None)
        fields = sorted(errors)
        if fields:
            message = f"Some fields are invalid: {', '.join(fields)}."
        else:
            message = str(general[0]) if general else "The request body is invalid."
        if general:
            errors["non_field_errors"] = general
    else:
        messages = _flatten(detail if isinstance(detail, list) else [detail])
        errors = {"non_field_errors": messages}
        message = str(messages[0]) if messages else "The request body is invalid."
    return Response(error_body(message, errors or None), status=422)


SIMPLE_DETAILS = {
    drf.ParseError: (400, "The request body is not valid JSON."),
    drf.UnsupportedMediaType: (415, UnsupportedMediaType.default_detail),
    drf.NotAuthenticated: (401, "Send a key in the header 'Authorization: Api-Key <key>'."),
    drf.AuthenticationFailed: (401, "The API key is not valid."),
    drf.PermissionDenied: (403, "Your key's role does not allow this."),
    drf.NotFound: (404, "Not found."),
    drf.NotAcceptable: (406, "Ask for application/json (or text/html for the browsable API)."),
}


def handle_exception(exc: Exception, context: dict) -> Response:
    if isinstance(exc, ApplicationError):
        response = Response(error_body(exc.detail, exc.errors), status=exc.status_code)
        for name, value in exc.headers.items():
            response[name] = value
        return response
    if isinstance(exc, Http404):
        exc = drf.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = drf.PermissionDenied()
    if isinstance(exc, drf.ValidationError):
        return _validation_response(exc)
    if isinstance(exc, drf.MethodNotAllowed):
        request = context.get("request")
        method = request.method if request is not None else "This method"
        return Response(error_body(f"{method} is not allowed on this URL."), status=405)
    if isinstance(exc, drf.Throttled):
        wait = max(1, int(exc.wait or 1))
        return Response(error_body(f"Too many requests; retry in {wait} s."), status=429,
                        headers={"Retry-After": str(wait)})
    for exc_type, (status, message) in SIMPLE_DETAILS.items():
        if isinstance(exc, exc_type):
            if exc_type in (drf.AuthenticationFailed, drf.PermissionDenied, drf.NotFound) and isinstance(exc.detail, str):
                message = exc.detail if exc.detail != exc_type.default_detail else message
            response = Response(error_body(str(message)), status=status)
            auth_header = getattr(exc, "auth_header", None)
            if status == 401:
                response["WWW-Authenticate"] = auth_header or 'Api-Key realm="api"'
            return response
    if isinstance(exc, drf.APIException):
        return Response(error_body(str(exc.detail)), status=exc.status_code)
    if is_transient(exc):
        log.warning("store unavailable: %s", type(exc).__name__)
        unavailable = StoreUnavailable()
        return Response(error_body(unavailable.detail), status=503, headers=unavailable.headers)
    log.exception("unhandled error")
    return Response(error_body(server_error_detail()), status=500)
