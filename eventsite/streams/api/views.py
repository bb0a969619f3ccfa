"""Thin views for topics: produce, consume (optionally as a consumer group),
commit a group's offset, describe a topic."""
from __future__ import annotations

from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.response import Response
from rest_framework.views import APIView

from eventsite.api.errors import BadRequest, NotFound, ValidationFailed
from eventsite.api.pagination import parse_limit
from eventsite.api.schema import OpenApiParameter, errors, extend_schema

from .. import selectors, services
from . import serializers as s


def _body(request, serializer_class) -> dict:
    try:
        data = request.data
    except ParseError as exc:
        raise ValidationFailed("The body must be JSON like {\"payload\": ...}.",
                               errors={"payload": ["Not valid JSON."]}) from exc
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ProduceView(APIView):
    @extend_schema(request=s.ProduceSerializer,
                   responses={201: s.ProducedSerializer, **errors(401, 403, 413, 415, 422, 503)})
    def post(self, request, topic: str):
        data = _body(request, s.ProduceSerializer)
        if "payload" not in data:
            raise ValidationFailed("Send {\"payload\": <any JSON>}.", errors={"payload": ["This field is required."]})
        offset = services.message_produce(principal=request.user, topic=topic, payload=data["payload"])
        return Response({"topic": topic, "offset": offset}, status=status.HTTP_201_CREATED)


class ConsumeView(APIView):
    @extend_schema(parameters=[OpenApiParameter("offset", int, description="First offset to read (default 1)"),
                               OpenApiParameter("limit", int, description="1-100 (default 10)"),
                               OpenApiParameter("group", str, description="Resume after this group's commit")],
                   responses={200: s.ConsumedSerializer, **errors(400, 401, 403, 422)})
    def get(self, request, topic: str):
        services.validate_topic(topic)
        services.require_topic_reader(request.user, topic)
        limit = parse_limit(request.query_params.get("limit"), default=10, maximum=100)
        group = request.query_params.get("group")
        raw_offset = request.query_params.get("offset")
        if group is not None:
            if raw_offset is not None:
                raise BadRequest("Give either offset or group, not both.", errors={"offset": ["Not with group."]})
            if not services.TOPIC_PATTERN.match(group):
                raise BadRequest("group is not a valid group name.", errors={"group": ["Invalid."]})
            start = selectors.group_offset(topic=topic, group=group) + 1
        elif raw_offset is None:
            start = 1
        elif raw_offset.isdigit() and 1 <= int(raw_offset) <= 10**15:
            start = int(raw_offset)
        else:
            raise BadRequest("offset must be a whole number from 1.", errors={"offset": ["Invalid."]})
        messages = selectors.messages_from(topic=topic, offset=start, limit=limit)
        next_offset = messages[-1].offset + 1 if messages else start
        return Response({"messages": [{"offset": m.offset, "payload": m.payload, "timestamp_ms": m.timestamp_ms}
                                      for m in messages], "next_offset": next_offset})


class CommitView(APIView):
    @extend_schema(request=s.CommitSerializer,
                   responses={200: s.CommittedSerializer, **errors(400, 401, 403, 404, 413, 415, 422)})
    def post(self, request, topic: str, group: str):
        data = _body(request, s.CommitSerializer)
        record = services.group_commit(principal=request.user, topic=topic, group=group, offset=data["offset"])
        return Response({"topic": topic, "group": group, "committed_offset": int(record.committed_offset)})


class TopicView(APIView):
    @extend_schema(responses={200: s.TopicSerializer, **errors(401, 403, 404, 422)})
    def get(self, request, topic: str):
        services.validate_topic(topic)
        services.require_topic_reader(request.user, topic)
        info = selectors.topic_info(topic=topic)
        if info is None:
            raise NotFound(f"No topic {topic!r}.")
        return Response(info)
