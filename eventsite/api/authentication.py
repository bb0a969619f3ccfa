"""`Authorization: Api-Key <key>` authentication. No key → anonymous (public
reads allowed); a wrong key → 401, even on a public read."""
from __future__ import annotations

from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication

from .keys import principal_for

KEYWORD = "api-key"


class ApiKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        scheme, _, raw = header.partition(" ")
        if scheme.lower() != KEYWORD or not raw.strip():
            raise exceptions.AuthenticationFailed("Use the header 'Authorization: Api-Key <key>'.")
        principal = principal_for(raw.strip())
        if principal is None:
            raise exceptions.AuthenticationFailed("The API key is not valid.")
        return principal, None

    def authenticate_header(self, request) -> str:
        return 'Api-Key realm="api"'
