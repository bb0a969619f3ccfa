"""Neutral table specs derived from the PynamoDB models: the single source for
`create_tables`, the Pulumi program and the CDK app."""
from __future__ import annotations

from dataclasses import dataclass, field

from pynamodb.attributes import TTLAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection

from .models import REGISTRY, BaseModel


@dataclass(frozen=True)
class KeySpec:
    name: str
    type: str  # "S" | "N" | "B"


@dataclass(frozen=True)
class IndexSpec:
    name: str
    hash_key: KeySpec
    range_key: KeySpec | None
    projection: str  # "ALL" | "KEYS_ONLY" | "INCLUDE"
    non_key_attributes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    logical_name: str
    hash_key: KeySpec
    range_key: KeySpec | None
    indexes: tuple[IndexSpec, ...] = field(default_factory=tuple)
    ttl_attribute: str | None = None

    def key_attributes(self) -> list[KeySpec]:
        """Every attribute used as a key of the table or an index, once."""
        seen: dict[str, KeySpec] = {}
        for key in (self.hash_key, self.range_key):
            if key:
                seen.setdefault(key.name, key)
        for index in self.indexes:
            for key in (index.hash_key, index.range_key):
                if key:
                    seen.setdefault(key.name, key)
        return list(seen.values())


def _key(attr) -> KeySpec:
    return KeySpec(attr.attr_name, attr.attr_type)


def _index_spec(index) -> IndexSpec:
    hash_key = range_key = None
    for attr in index.Meta.attributes.values():
        if attr.is_hash_key:
            hash_key = _key(attr)
        elif attr.is_range_key:
            range_key = _key(attr)
    projection = index.Meta.projection
    if isinstance(projection, AllProjection):
        kind, extra = "ALL", ()
    elif isinstance(projection, KeysOnlyProjection):
        kind, extra = "KEYS_ONLY", ()
    else:
        kind, extra = "INCLUDE", tuple(projection.non_key_attributes or ())
    return IndexSpec(index.Meta.index_name, hash_key, range_key, kind, extra)


def table_spec(model: type[BaseModel]) -> TableSpec:
    hash_key = range_key = None
    ttl = None
    for attr in model.get_attributes().values():
        if attr.is_hash_key:
            hash_key = _key(attr)
        elif attr.is_range_key:
            range_key = _key(attr)
        if isinstance(attr, TTLAttribute):
            ttl = attr.attr_name
    indexes = tuple(
        _index_spec(index)
        for index in sorted(model._indexes.values(), key=lambda i: i.Meta.index_name)
        if isinstance(index, GlobalSecondaryIndex)
    )
    return TableSpec(model.logical_name, hash_key, range_key, indexes, ttl)


# Every module that defines tables; importing them fills REGISTRY (no Django needed).
MODEL_MODULES = ("eventsite.api.models", "eventsite.api.throttling", "eventsite.api.idempotency", "registrations.models", "eventsite.calendars.models",
                 "eventsite.streams.models", "eventsite.notifications.models")


def all_table_specs() -> list[TableSpec]:
    import importlib

    for module in MODEL_MODULES:
        importlib.import_module(module)
    return sorted((table_spec(m) for m in REGISTRY), key=lambda s: s.logical_name)
