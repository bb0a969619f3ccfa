"""Project-level views: health, API root, and JSON 404/500 handlers for URLs
outside DRF views."""
from __future__ import annotations

import time

from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from eventsite.dynamo.errors import is_transient

from .models import ApiKey
from .permissions import AllowAny
from .responses import json_error, server_error_detail
from .schema import extend_schema

class HealthSerializer(serializers.Serializer):
    status = serializers.CharField()
    dynamodb = serializers.CharField()
    latencyMs = serializers.FloatField()

    class Meta:
        ref_name = "Health"


class HealthView(APIView):
    """200 when DynamoDB answers, 503 (with Retry-After) otherwise."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(responses={200: HealthSerializer, 503: HealthSerializer}, auth=[])
    def get(self, request):
        started = time.perf_counter()
        try:
            ApiKey.get_or_none("health-check")  # one cheap data-plane read on a real table
        except Exception as exc:  # noqa: BLE001 - any failure means "not healthy"
            reason = "unreachable" if is_transient(exc) else "error"
            return Response({"status": "unhealthy", "dynamodb": reason,
                             "latencyMs": round((time.perf_counter() - started) * 1000, 2)},
                            status=503, headers={"Retry-After": "5"})
        return Response({"status": "healthy", "dynamodb": "ok",
                         "latencyMs": round((time.perf_counter() - started) * 1000, 2)})


class ApiRootView(APIView):
    """Links to every collection (handy in the browsable API)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(exclude=True)
    def get(self, request):
        return Response({
            "events": reverse("event-list", request=request),
            "health": request.build_absolute_uri("/health"),
            "schema": request.build_absolute_uri("/api/schema/"),
            "docs": request.build_absolute_uri("/api/docs/"),
        })


def not_found(request, exception=None):
    return json_error(404, "No such URL. See /api/docs/ for the endpoints.")


def server_error(request):
    return json_error(500, server_error_detail())
