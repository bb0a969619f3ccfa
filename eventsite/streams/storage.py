"""S3 storage of large payloads: `topics/{topic}/{offset:020}.json`.

An object is created with `If-None-Match: *`, so two producers can never
write the same offset's object; a producer whose commit then fails deletes
the object it created. An object left by a producer that died between the
two steps is recognised by its age and replaced."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from botocore.exceptions import ClientError
from django.conf import settings

from eventsite import aws



def _conf() -> dict:
    return settings.STREAMS


def client():
    return aws.client("s3", _conf()["s3_endpoint_url"])


def object_key(topic: str, offset: int) -> str:
    return f"topics/{topic}/{offset:020}.json"


class ObjectTaken(Exception):
    """Another producer holds this offset's object (in flight, or orphaned)."""


def put_new(key: str, body: bytes) -> None:
    try:
        client().put_object(Bucket=_conf()["bucket"], Key=key, Body=body, ContentType="application/json",
                            IfNoneMatch="*")
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("PreconditionFailed", "ConditionalRequestConflict"):
            raise ObjectTaken(key) from exc
        raise


def remove(key: str) -> None:
    try:
        client().delete_object(Bucket=_conf()["bucket"], Key=key)
    except ClientError:
        pass  # the 30-day lifecycle removes what is left


def remove_if_orphaned(key: str) -> bool:
    """Delete an uncommitted object older than the orphan age; True if removed."""
    try:
        head = client().head_object(Bucket=_conf()["bucket"], Key=key)
    except ClientError:
        return True  # gone already
    age = datetime.now(timezone.utc) - head["LastModified"]
    if age > timedelta(seconds=_conf()["orphan_after_seconds"]):
        remove(key)
        return True
    return False


def get(key: str) -> bytes:
    return client().get_object(Bucket=_conf()["bucket"], Key=key)["Body"].read()


def ensure_bucket() -> None:
    """Local development and tests only; in AWS the infrastructure creates it."""
    try:
        client().head_bucket(Bucket=_conf()["bucket"])
    except ClientError:
        client().create_bucket(Bucket=_conf()["bucket"])
