"""Thin views for /events: parse with a serializer, call one service or
selector, render."""
from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response

from eventsite.api.errors import BadRequest
from eventsite.api.pagination import page_from_request, paged_response
from eventsite.api.schema import OpenApiParameter, errors, extend_schema
from eventsite.api.viewsets import ApiViewSet

from .. import selectors, services
from .serializers import EventSerializer, EventUpdateSerializer, event_data

WRITE_ERRORS = (400, 401, 403, 413, 415, 422)
LIST_PARAMS = [
    OpenApiParameter("limit", int, description="Page size, 1-1000 (default 1000)"),
    OpenApiParameter("cursor", str, description="Opaque cursor from the previous page's Link header"),
]


def validated(serializer_class, request, **kwargs) -> dict:
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class EventViewSet(ApiViewSet):
    """Managed events (seed 001): list, create, read, partial update, delete."""

    serializer_class = EventSerializer
    lookup_field = "eventId"
    lookup_value_regex = "[^/]+"

    def get_serializer(self, *args, **kwargs):
        cls = EventUpdateSerializer if self.action in ("update", "partial_update") else EventSerializer
        return cls(*args, **kwargs)

    @extend_schema(
        parameters=[OpenApiParameter("status", str, description="Only events with this status")] + LIST_PARAMS,
        responses={200: EventSerializer(many=True), **errors(400, 401)},
        auth=[],
    )
    def list(self, request):
        status_filter = request.query_params.get("status")
        if status_filter is not None and not 1 <= len(status_filter.strip()) <= 50:
            raise BadRequest("status must be 1-50 characters.", errors={"status": ["Invalid."]})
        page = page_from_request(request, filters={"status": status_filter})
        items, next_key = selectors.event_list(
            status=status_filter.strip() if status_filter else None, limit=page.limit, start_key=page.start_key
        )
        return paged_response(request, page, [event_data(e) for e in items], next_key)

    @extend_schema(request=EventSerializer, responses={201: EventSerializer, **errors(*WRITE_ERRORS, 409)})
    def create(self, request):
        event = services.event_create(principal=request.user, data=validated(EventSerializer, request))
        return Response(event_data(event), status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: EventSerializer, **errors(401, 404)}, auth=[])
    def retrieve(self, request, eventId: str):
        return Response(event_data(selectors.event_get(event_id=eventId)))

    @extend_schema(request=EventUpdateSerializer, responses={200: EventSerializer, **errors(*WRITE_ERRORS, 404, 409)})
    def update(self, request, eventId: str):
        data = validated(EventUpdateSerializer, request)
        return Response(event_data(services.event_update(principal=request.user, event_id=eventId, data=data)))

    @extend_schema(request=EventUpdateSerializer, responses={200: EventSerializer, **errors(*WRITE_ERRORS, 404, 409)})
    def partial_update(self, request, eventId: str):
        return self.update(request, eventId)

    @extend_schema(responses={204: None, **errors(401, 403, 404)})
    def destroy(self, request, eventId: str):
        services.event_delete(principal=request.user, event_id=eventId)
        return Response(status=status.HTTP_204_NO_CONTENT)
