"""Writes of the registrations app: events, users, registrations/waitlist."""
from .events import event_counters_set, event_create, event_delete, event_update  # noqa: F401
from .registrations import registration_cancel, registration_create  # noqa: F401
from .users import user_create  # noqa: F401
