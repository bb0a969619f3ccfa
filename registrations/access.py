"""Who may do what with events, users and registrations (DESIGN "Who reads
what"): admin everything; an organizer the events it created and their
registrations; a member only itself."""
from __future__ import annotations

from eventsite.api.errors import Forbidden
from eventsite.api.keys import Principal
from eventsite.api.permissions import require_principal, require_role

from .models import Event


def owns_event(principal: Principal, event: Event) -> bool:
    return principal.role == "organizer" and event.ownerId == principal.owner_id


def require_event_manager(principal, event: Event) -> Principal:
    principal = require_role(principal, "admin", "organizer")
    if not (principal.is_admin or owns_event(principal, event)):
        raise Forbidden("Only the organizer who created this event (or an admin) may do this.")
    return principal


def require_user_access(principal, user_id: str) -> Principal:
    """A user's own data: admin, or the member key bound to that user."""
    principal = require_principal(principal)
    if not (principal.is_admin or principal.user_id == user_id):
        raise Forbidden("You may only see your own user and registrations.")
    return principal


def require_registration_access(principal, event: Event, user_id: str) -> Principal:
    """Register or cancel: admin, the event's organizer, or the member itself."""
    principal = require_principal(principal)
    if principal.is_admin or owns_event(principal, event):
        return principal
    if principal.role == "member" and principal.user_id == user_id:
        return principal
    raise Forbidden("You may only register or cancel yourself, or registrations of events you organise.")
