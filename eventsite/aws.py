"""boto3 clients for S3 and SQS: one per thread and endpoint, created on
first use (boto3 is kept out of the API's cold start)."""
from __future__ import annotations

import threading

from botocore.config import Config
from django.conf import settings

_local = threading.local()


def client(service: str, endpoint_url: str | None, *, read_timeout: float = 10, max_attempts: int = 3):
    import boto3

    cache = _local.__dict__.setdefault("clients", {})
    key = (service, endpoint_url)
    if key not in cache:
        cache[key] = boto3.client(service, endpoint_url=endpoint_url, region_name=settings.DYNAMODB["region"],
                                  config=Config(connect_timeout=2, read_timeout=read_timeout,
                                                retries={"max_attempts": max_attempts}))
    return cache[key]
