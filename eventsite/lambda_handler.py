"""AWS Lambda entry point for the HTTP API: Mangum around Django's ASGI app.

API Gateway REST (v1) and HTTP API (v2) events are both accepted. When the
request came through a named stage (`/prod/events`), the stage becomes the
ASGI root_path, so Django routes `/events` and still builds absolute links
(cursor `Link` headers, browsable API) with `/prod` in front. Bodies without
Content-Length are handled by RequestBodyMiddleware."""
from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eventsite.settings")

from mangum import Mangum  # noqa: E402

from eventsite.asgi import application  # noqa: E402


def _stage_prefix(event: dict) -> str:
    context = event.get("requestContext") or {}
    stage = context.get("stage") or ""
    if not stage or stage == "$default":
        return ""
    original = (context.get("http") or {}).get("path") or context.get("path") or ""
    prefix = f"/{stage}"
    return prefix if original == prefix or original.startswith(prefix + "/") else ""


class StagePrefix:
    """ASGI wrapper: path keeps the stage, root_path names it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        event = scope.get("aws.event")
        if scope["type"] == "http" and event:
            prefix = _stage_prefix(event)
            if prefix:
                path = scope["path"]
                if not (path == prefix or path.startswith(prefix + "/")):
                    path = prefix + path
                scope = {**scope, "path": path, "root_path": prefix}
        await self.app(scope, receive, send)


def _warm() -> None:
    """Work every first request would otherwise do, done once in the init
    phase: load the URLconf (and with it every view) and create the DynamoDB
    client (botocore's service model is the slow part)."""
    from django.urls import get_resolver

    from eventsite.dynamo.connection import transact_connection

    get_resolver().url_patterns  # noqa: B018 - loading it is the point
    transact_connection().client  # noqa: B018 - the one client every model shares


_warm()
handler = Mangum(StagePrefix(application), lifespan="off")


def calendar_refresh_handler(event, context):
    """Daily EventBridge schedule: refresh every active group's feed."""
    from eventsite.calendars.services import calendar_refresh

    outcomes = calendar_refresh()
    return {
        "groups": len(outcomes),
        "errors": {o.group_id: o.error for o in outcomes if o.status == "error"},
        "not_modified": sum(1 for o in outcomes if o.status == "not_modified"),
        "written": sum(o.written for o in outcomes),
        "deleted": sum(o.deleted for o in outcomes),
    }
