"""Settings-driven DynamoDB connection for PynamoDB models and raw clients."""
from __future__ import annotations

import botocore.session
from botocore.config import Config
from django.conf import settings
from pynamodb.connection import Connection
from pynamodb.connection import base as _pynamodb_base

from .models import REGISTRY, BaseModel


_shared_loader = botocore.session.get_session().get_component("data_loader")


def _session_with_shared_loader():
    """PynamoDB makes a botocore session per connection and thread; sharing one
    data loader means botocore's service models are parsed once per process,
    not once per table (it was ~40 ms of every model's first call)."""
    session = botocore.session.get_session()
    session.register_component("data_loader", _shared_loader)
    return session


_pynamodb_base.get_session = _session_with_shared_loader


def _conf() -> dict:
    return settings.DYNAMODB


def physical_table_name(logical_name: str) -> str:
    return f"{_conf()['table_prefix']}{logical_name}"


def configure_model(model: type[BaseModel]) -> None:
    conf = _conf()
    meta = model.Meta
    meta.table_name = physical_table_name(meta.logical_name)
    meta.host = conf["endpoint_url"]
    meta.region = conf["region"]
    meta.connect_timeout_seconds = conf["connect_timeout_seconds"]
    meta.read_timeout_seconds = conf["read_timeout_seconds"]
    meta.max_retry_attempts = conf["max_retry_attempts"]
    meta.max_pool_connections = conf["max_pool_connections"]
    model._connection = None  # drop a connection cached for an older endpoint


def configure_models() -> None:
    """(Re)apply settings to every registered model; call again after the
    endpoint or prefix changes at run time (tests, the local runner).

    Every model's table connection then shares one PynamoDB Connection (so
    one botocore client and one connection pool per process, instead of one
    per table: each client costs ~10-90 ms to create and its own sockets)."""
    global _transact_connection
    _transact_connection = None
    shared = transact_connection()
    for model in REGISTRY:
        configure_model(model)
        table = model._get_connection()
        shared.add_meta_table(table.connection.get_meta_table(table.table_name))
        table.connection = shared


_transact_connection: Connection | None = None


def transact_connection() -> Connection:
    """The process's DynamoDB connection: models and TransactWrite share it."""
    global _transact_connection
    if _transact_connection is None:
        conf = _conf()
        _transact_connection = Connection(
            region=conf["region"],
            host=conf["endpoint_url"],
            connect_timeout_seconds=conf["connect_timeout_seconds"],
            read_timeout_seconds=conf["read_timeout_seconds"],
            max_retry_attempts=conf["max_retry_attempts"],
            max_pool_connections=conf["max_pool_connections"],
        )
    return _transact_connection


def dynamodb_client():
    """A plain boto3 client for administrative calls (create_tables)."""
    import boto3  # on use: boto3 (with s3transfer) costs ~50 ms of a cold start

    conf = _conf()
    return boto3.client(
        "dynamodb",
        endpoint_url=conf["endpoint_url"],
        region_name=conf["region"],
        config=Config(
            connect_timeout=conf["connect_timeout_seconds"],
            read_timeout=conf["read_timeout_seconds"],
            retries={"max_attempts": 2, "mode": "standard"},
        ),
    )
