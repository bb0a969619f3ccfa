"""Thin views for an event's registrations."""
from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response

from eventsite.api.errors import BadRequest
from eventsite.api.pagination import page_from_request, paged_response
from eventsite.api.schema import OpenApiParameter, errors, extend_schema
from eventsite.api.viewsets import ApiViewSet

from .. import selectors, services
from ..access import require_event_manager
from .serializers import RegistrationRequestSerializer, RegistrationSerializer, registration_data
from .views import LIST_PARAMS, WRITE_ERRORS, validated

STATUSES = ("confirmed", "waitlisted")


class EventRegistrationViewSet(ApiViewSet):
    """Register (confirmed or waitlisted), list in registration order, cancel."""

    serializer_class = RegistrationRequestSerializer
    lookup_field = "userId"
    lookup_value_regex = "[^/]+"

    @extend_schema(request=RegistrationRequestSerializer,
                   responses={201: RegistrationSerializer, **errors(*WRITE_ERRORS, 404, 409, 503)})
    def create(self, request, eventId: str):
        data = validated(RegistrationRequestSerializer, request)
        user_id = data.get("userId") or getattr(request.user, "user_id", None)
        if not user_id:
            raise BadRequest("Give the userId to register.", errors={"userId": ["Required."]})
        result = services.registration_create(principal=request.user, event_id=eventId, user_id=user_id)
        return Response(registration_data(result.registration, result.place_in_line), status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[OpenApiParameter("status", str, enum=list(STATUSES))] + LIST_PARAMS,
        responses={200: RegistrationSerializer(many=True), **errors(400, 401, 403, 404)},
    )
    def list(self, request, eventId: str):
        status_filter = request.query_params.get("status")
        if status_filter is not None and status_filter not in STATUSES:
            raise BadRequest("status must be confirmed or waitlisted.", errors={"status": ["Invalid."]})
        event = selectors.event_get(event_id=eventId)
        require_event_manager(request.user, event)
        page = page_from_request(request, filters={"status": status_filter})
        items, next_key = selectors.event_registrations(event_id=eventId, status=status_filter,
                                                        limit=page.limit, start_key=page.start_key)
        return paged_response(request, page, [registration_data(r) for r in items], next_key)

    @extend_schema(responses={204: None, **errors(401, 403, 404, 503)})
    def destroy(self, request, eventId: str, userId: str):
        services.registration_cancel(principal=request.user, event_id=eventId, user_id=userId)
        return Response(status=status.HTTP_204_NO_CONTENT)
