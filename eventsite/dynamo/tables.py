"""Creates the tables described by the model specs (idempotent): keys, GSIs,
on-demand billing and TTL. Existing tables get missing GSIs and TTL added."""
from __future__ import annotations

from botocore.exceptions import ClientError

from .connection import dynamodb_client, physical_table_name
from .specs import IndexSpec, TableSpec, all_table_specs


def _key_schema(hash_key, range_key) -> list[dict]:
    schema = [{"AttributeName": hash_key.name, "KeyType": "HASH"}]
    if range_key:
        schema.append({"AttributeName": range_key.name, "KeyType": "RANGE"})
    return schema


def _gsi(index: IndexSpec) -> dict:
    projection: dict = {"ProjectionType": index.projection}
    if index.non_key_attributes:
        projection["NonKeyAttributes"] = list(index.non_key_attributes)
    return {
        "IndexName": index.name,
        "KeySchema": _key_schema(index.hash_key, index.range_key),
        "Projection": projection,
    }


def _attribute_definitions(spec: TableSpec) -> list[dict]:
    return [{"AttributeName": k.name, "AttributeType": k.type} for k in spec.key_attributes()]


def _describe(client, name: str) -> dict | None:
    try:
        return client.describe_table(TableName=name)["Table"]
    except ClientError as exc:
        if exc.response["Error"]["Code"] == "ResourceNotFoundException":
            return None
        raise


def _ensure_ttl(client, name: str, attribute: str) -> bool:
    status = client.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
    if status.get("TimeToLiveStatus") in ("ENABLED", "ENABLING") and status.get("AttributeName") == attribute:
        return False
    client.update_time_to_live(
        TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": attribute}
    )
    return True


def ensure_table(client, spec: TableSpec) -> str:
    """Create or complete one table; returns what was done ("created", "updated", "unchanged")."""
    name = physical_table_name(spec.logical_name)
    existing = _describe(client, name)
    outcome = "unchanged"
    if existing is None:
        kwargs = {
            "TableName": name,
            "KeySchema": _key_schema(spec.hash_key, spec.range_key),
            "AttributeDefinitions": _attribute_definitions(spec),
            "BillingMode": "PAY_PER_REQUEST",
        }
        if spec.indexes:
            kwargs["GlobalSecondaryIndexes"] = [_gsi(i) for i in spec.indexes]
        client.create_table(**kwargs)
        client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
        outcome = "created"
    else:
        present = {g["IndexName"] for g in existing.get("GlobalSecondaryIndexes", [])}
        for index in spec.indexes:
            if index.name not in present:  # DynamoDB adds one GSI per UpdateTable call
                client.update_table(
                    TableName=name,
                    AttributeDefinitions=_attribute_definitions(spec),
                    GlobalSecondaryIndexUpdates=[{"Create": _gsi(index)}],
                )
                outcome = "updated"
    if spec.ttl_attribute and _ensure_ttl(client, name, spec.ttl_attribute) and outcome == "unchanged":
        outcome = "updated"
    return outcome


def create_tables(client=None) -> dict[str, str]:
    client = client or dynamodb_client()
    return {physical_table_name(s.logical_name): ensure_table(client, s) for s in all_table_specs()}

