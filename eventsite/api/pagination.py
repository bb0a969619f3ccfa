"""`?limit=` and signed `?cursor=` paging for list endpoints; the next page is
announced in an absolute `Link: <...>; rel="next"` header."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from rest_framework.response import Response

from eventsite.dynamo.cursor import InvalidCursor, decode_cursor, encode_cursor

from .errors import BadRequest

MAX_LIMIT = 1000


@dataclass(frozen=True)
class Page:
    limit: int
    start_key: dict | None
    scope: str


def parse_limit(raw: str | None, *, default: int = MAX_LIMIT, maximum: int = MAX_LIMIT) -> int:
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise BadRequest(f"limit must be a whole number from 1 to {maximum}.", errors={"limit": ["Out of range."]})
    return int(raw)


def page_from_request(request, *, filters: dict, default: int = MAX_LIMIT, maximum: int = MAX_LIMIT) -> Page:
    """Read limit and cursor; the cursor is bound to the path and the filters."""
    scope = request.path + "?" + urlencode(sorted((k, v) for k, v in filters.items() if v is not None))
    limit = parse_limit(request.query_params.get("limit"), default=default, maximum=maximum)
    token = request.query_params.get("cursor")
    start_key = None
    if token is not None:
        try:
            start_key = decode_cursor(token, scope=scope)
        except InvalidCursor as exc:
            raise BadRequest(str(exc), errors={"cursor": ["Invalid."]}) from exc
    return Page(limit, start_key, scope)


def paged_response(request, page: Page, data: list, next_key: dict | None) -> Response:
    response = Response(data)
    if next_key:
        params = request.query_params.copy()
        params["cursor"] = encode_cursor(next_key, scope=page.scope)
        params["limit"] = str(page.limit)
        response["Link"] = f'<{request.build_absolute_uri(request.path)}?{params.urlencode()}>; rel="next"'
    return response
