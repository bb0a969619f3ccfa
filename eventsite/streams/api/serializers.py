"""Request and response shapes of the streams API (seed 003)."""
from rest_framework import serializers

from eventsite.api.fields import StrictIntegerField, StrictSerializer


class AnyJSONField(serializers.JSONField):
    """Any JSON value, including null; only its absence is an error."""


class ProduceSerializer(StrictSerializer):
    payload = AnyJSONField(allow_null=True)


class ProducedSerializer(serializers.Serializer):
    topic = serializers.CharField()
    offset = serializers.IntegerField()


class MessageSerializer(serializers.Serializer):
    offset = serializers.IntegerField()
    payload = serializers.JSONField(allow_null=True)
    timestamp_ms = serializers.IntegerField()


class ConsumedSerializer(serializers.Serializer):
    messages = MessageSerializer(many=True)
    next_offset = serializers.IntegerField()


class CommitSerializer(StrictSerializer):
    offset = StrictIntegerField(min_value=0)


class CommittedSerializer(serializers.Serializer):
    topic = serializers.CharField()
    group = serializers.CharField()
    committed_offset = serializers.IntegerField()


class TopicSerializer(serializers.Serializer):
    topic = serializers.CharField()
    latest_offset = serializers.IntegerField()
    groups = serializers.DictField(child=serializers.IntegerField())
