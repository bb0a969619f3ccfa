"""Permission classes and role helpers. Public reads need no key; writes need
an authenticated principal; finer ownership rules live in the services."""
from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission

from .errors import Forbidden, Unauthorized
from .keys import Principal


def is_authenticated(principal) -> bool:
    return isinstance(principal, Principal)


class ReadPublicWriteAuthenticated(BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or is_authenticated(request.user)


class AllowAny(BasePermission):
    def has_permission(self, request, view) -> bool:
        return True


def require_principal(principal) -> Principal:
    if not is_authenticated(principal):
        raise Unauthorized()
    return principal


def require_role(principal, *roles: str) -> Principal:
    principal = require_principal(principal)
    if principal.role not in roles:
        raise Forbidden(f"This needs a key with role {' or '.join(roles)}.")
    return principal
