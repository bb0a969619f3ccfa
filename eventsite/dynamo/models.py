"""Base PynamoDB model. Every table model subclasses `BaseModel` and sets
`Meta.table_name` to its logical name ("Events"); `connection.configure_models`
turns that into the physical, prefixed name and sets endpoint and timeouts."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import ClassVar

from pynamodb.models import Model

REGISTRY: list[type["BaseModel"]] = []


class BaseModel(Model):
    """Registers concrete table models so specs and table creation can find them."""

    logical_name: ClassVar[str]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        meta = getattr(cls, "Meta", None)
        if meta is not None and getattr(meta, "table_name", None):
            cls.logical_name = getattr(meta, "logical_name", None) or meta.table_name
            meta.logical_name = cls.logical_name
            REGISTRY.append(cls)

    def save_new(self, conflict: str) -> None:
        """Put this item only if its key is free; otherwise 409 with `conflict`."""
        from pynamodb.exceptions import PutError

        from eventsite.api.errors import Conflict

        from .errors import is_condition_failure

        hash_key = getattr(type(self), self._hash_keyname)
        try:
            self.save(condition=hash_key.does_not_exist())
        except PutError as exc:
            if is_condition_failure(exc):
                raise Conflict(conflict) from exc
            raise

    @classmethod
    def get_or_none(cls, hash_key, range_key=None, *, consistent_read: bool = False):
        try:
            return cls.get(hash_key, range_key, consistent_read=consistent_read)
        except cls.DoesNotExist:
            return None


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso_now() -> str:
    """UTC timestamp with microseconds, sortable as a string."""
    return utc_now().strftime("%Y-%m-%dT%H:%M:%S.%fZ")
