"""OpenAPI annotations that cost nothing at start-up.

Views are annotated with `extend_schema(...)`, `OpenApiParameter(...)` and
`errors(...)` from here; they only record what to say. The real
drf-spectacular decorators are applied by `apply_annotations()` the first
time the schema is generated (eventsite/urls.py), because importing
drf-spectacular's AutoSchema costs ~65 ms that no API request needs — which
matters for a Lambda cold start."""
from __future__ import annotations

from dataclasses import dataclass

from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """The error format: {"detail": ..., "errors"?: {field: [messages]}}."""

    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)

    class Meta:
        ref_name = "Error"


_DESCRIPTIONS = {
    400: "Malformed JSON, bad query parameter or cursor",
    401: "Missing or invalid API key",
    403: "Not allowed for this key",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict with the current state",
    413: "Body over 256 KiB",
    415: "Body is not JSON",
    422: "Validation failed",
    429: "Throttled",
    503: "Store unavailable",
}


@dataclass(frozen=True)
class _Error:
    code: int


@dataclass(frozen=True)
class _Parameter:
    args: tuple
    kwargs: dict


def OpenApiParameter(*args, **kwargs) -> _Parameter:  # noqa: N802 - mirrors drf-spectacular's name
    return _Parameter(args, kwargs)


def errors(*codes: int) -> dict:
    return {code: _Error(code) for code in codes}


def extend_schema(**kwargs):
    def record(method):
        method._openapi = kwargs
        return method

    return record


def _real(value):
    from drf_spectacular import utils

    if isinstance(value, _Error):
        return utils.OpenApiResponse(ErrorSerializer, description=_DESCRIPTIONS[value.code])
    if isinstance(value, _Parameter):
        return utils.OpenApiParameter(*value.args, **value.kwargs)
    if isinstance(value, dict):
        return {k: _real(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_real(v) for v in value]
    return value


_applied = False


def apply_annotations() -> None:
    """Turn every recorded annotation into drf-spectacular's (once)."""
    global _applied
    if _applied:
        return
    from django.urls import URLPattern, URLResolver, get_resolver
    from drf_spectacular.utils import extend_schema as real_extend_schema
    from rest_framework.schemas.inspectors import DefaultSchema

    def views(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from views(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                cls = getattr(pattern.callback, "cls", None)
                if cls is not None:
                    yield cls

    for cls in set(views(get_resolver().url_patterns)):
        if cls.__dict__.get("schema", DefaultSchema) is None or getattr(cls, "schema", True) is None:
            cls.schema = DefaultSchema()  # see ApiViewSet.schema
        for name in dir(cls):
            method = getattr(cls, name, None)
            annotation = getattr(method, "_openapi", None)
            if annotation is not None and not getattr(method, "_openapi_applied", False):
                real_extend_schema(**_real(annotation))(method)
                method._openapi_applied = True
    _applied = True
