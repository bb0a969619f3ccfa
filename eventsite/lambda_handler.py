"""AWS Lambda entry point for the HTTP API: Mangum around Django's ASGI app.

API Gateway REST (v1) and HTTP API (v2) events are both accepted. When the
request came through a named stage (`/prod/events`), the stage becomes the
ASGI root_path, so Django routes `/events` and still builds absolute links
(cursor `Link` headers, browsable API) with `/prod` in front. Django runs in
the handler's own thread (DjangoInLoop); the body's length is always known."""
from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eventsite.settings")

import sys  # noqa: E402
from io import BytesIO  # noqa: E402

from django.core.wsgi import get_wsgi_application  # noqa: E402
from mangum import Mangum  # noqa: E402


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


class DjangoInLoop:
    """A minimal ASGI app that runs Django's WSGI handler in the calling
    thread. A Lambda instance serves one request at a time, so Django's ASGI
    handler's hops between the event loop and its sync thread (about 1 ms a
    request) buy nothing here; uvicorn (`make run`) keeps eventsite.asgi."""

    def __init__(self):
        self.wsgi = get_wsgi_application()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        root = scope.get("root_path", "")
        path = scope["path"]
        environ = {
            "REQUEST_METHOD": scope["method"], "SCRIPT_NAME": root,
            "PATH_INFO": path[len(root):] if root and path.startswith(root) else path,
            "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
            "SERVER_NAME": (scope.get("server") or ("localhost", 443))[0],
            "SERVER_PORT": str((scope.get("server") or ("localhost", 443))[1] or 443),
            "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": (scope.get("client") or ("", 0))[0] or "",
            "CONTENT_LENGTH": str(len(body)), "wsgi.input": BytesIO(body), "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": scope.get("scheme", "https"), "wsgi.version": (1, 0), "wsgi.multithread": False,
            "wsgi.multiprocess": True, "wsgi.run_once": False,
        }
        for name, value in scope.get("headers", []):
            key = name.decode("latin-1").upper().replace("-", "_")
            value = value.decode("latin-1")
            if key == "CONTENT_TYPE":
                environ["CONTENT_TYPE"] = value
            elif key != "CONTENT_LENGTH":
                environ[f"HTTP_{key}"] = f"{environ[f'HTTP_{key}']},{value}" if f"HTTP_{key}" in environ else value
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"], started["headers"] = int(status.split(" ", 1)[0]), headers

        result = self.wsgi(environ, start_response)
        try:
            content = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        await send({"type": "http.response.start", "status": started["status"],
                    "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in started["headers"]]})
        await send({"type": "http.response.body", "body": content})


def _warm(app: DjangoInLoop) -> None:
    """Work every first request would otherwise do, done once in the init
    phase: one internal GET /health through Django loads the URLconf and every
    view, compiles the URL and host patterns, creates the one shared DynamoDB
    client (botocore's service model is the slow part) and opens its
    connection. A failure here must not fail the cold start."""
    import io

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/health", "SCRIPT_NAME": "", "QUERY_STRING": "",
               "SERVER_NAME": "localhost", "SERVER_PORT": "443", "HTTP_HOST": "localhost",
               "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
               "wsgi.url_scheme": "https", "wsgi.version": (1, 0), "wsgi.multithread": False,
               "wsgi.multiprocess": True, "wsgi.run_once": False}
    try:
        b"".join(app.wsgi(environ, lambda status, headers, exc_info=None: None))
    except Exception:  # noqa: BLE001
        pass


_app = DjangoInLoop()
_warm(_app)
handler = Mangum(StagePrefix(_app), lifespan="off")


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
