"""Thin views for /users (sign-up, profile, a user's registrations)."""
from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response

from eventsite.api.pagination import page_from_request, paged_response
from eventsite.api.permissions import AllowAny
from eventsite.api.schema import errors, extend_schema
from eventsite.api.viewsets import ApiViewSet

from .. import selectors, services
from ..access import require_user_access
from .serializers import (
    UserCreatedSerializer,
    UserRegistrationSerializer,
    UserSerializer,
    user_data,
    user_registration_data,
)
from .views import LIST_PARAMS, validated


class UserViewSet(ApiViewSet):
    """Users (seed 000). Sign-up is open; a user's data is visible to itself and admins."""

    serializer_class = UserSerializer
    lookup_field = "userId"
    lookup_value_regex = "[^/]+"

    def get_permissions(self):
        if self.action == "create":
            return [AllowAny()]
        return super().get_permissions()

    @extend_schema(request=UserSerializer, responses={201: UserCreatedSerializer, **errors(400, 401, 409, 413, 415, 422)})
    def create(self, request):
        user, api_key = services.user_create(principal=request.user, data=validated(UserSerializer, request))
        response = Response(user_data(user, api_key), status=status.HTTP_201_CREATED)
        response["Cache-Control"] = "no-store"  # may carry a new API key: never cached, never stored
        return response

    @extend_schema(responses={200: UserSerializer, **errors(401, 403, 404)})
    def retrieve(self, request, userId: str):
        require_user_access(request.user, userId)
        return Response(user_data(selectors.user_get(user_id=userId)))


class UserRegistrationsView(ApiViewSet):
    """GET /users/{userId}/registrations → [{eventId, eventTitle, status, registeredAt}]."""

    serializer_class = UserRegistrationSerializer

    @extend_schema(parameters=LIST_PARAMS, responses={200: UserRegistrationSerializer(many=True),
                                                      **errors(400, 401, 403, 404)})
    def list(self, request, userId: str):
        require_user_access(request.user, userId)
        selectors.user_get(user_id=userId)
        page = page_from_request(request, filters={})
        rows, next_key = selectors.user_registrations(user_id=userId, limit=page.limit, start_key=page.start_key)
        return paged_response(request, page, [user_registration_data(r, t) for r, t in rows], next_key)
