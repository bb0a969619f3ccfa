"""`make run`: the whole service on an embedded default.

Starts DynamoDB Local (data under .eventsite/dynamodb) and a moto server for
S3/SQS, serves the demo groups' iCal feeds, records the endpoints in .eventsite/endpoints.json (so manage.py in
another terminal reaches them), creates tables, seeds demo data, imports the demo groups and refreshes
their feeds, prints the
URL and an admin key, and serves on 127.0.0.1:$PORT (default 8000) with
uvicorn. Ctrl-C (or SIGTERM) stops everything it started."""
from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / ".eventsite"


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _kill_stale(pid_file: Path) -> None:
    try:
        pid = int(pid_file.read_text())
        os.kill(pid, signal.SIGTERM)
    except (OSError, ValueError):
        pass


def _serve_demo_feeds():
    """Serve the demo groups' iCal feeds on loopback (with Last-Modified/304)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    feeds = ROOT / "eventsite" / "calendars" / "fixtures" / "feeds"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(feeds)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _admin_key() -> str:
    """Reuse the local admin key while it is valid; otherwise make one."""
    from eventsite.api.keys import api_key_create, principal_for

    key_file = STATE / "admin_key"
    try:
        raw = key_file.read_text().strip()
        if principal_for(raw) is not None:
            return raw
    except OSError:
        pass
    raw, _ = api_key_create(role="admin", name="make run")
    key_file.write_text(raw)
    key_file.chmod(0o600)
    return raw


def main() -> int:
    signal.signal(signal.SIGTERM, _interrupt)
    port = int(os.environ.get("PORT", "8000"))
    STATE.mkdir(exist_ok=True)

    from eventsite.dynamo.local import DynamoDBLocal, free_port

    pid_file = STATE / "dynamodb.pid"
    _kill_stale(pid_file)
    ddb = DynamoDBLocal(db_path=STATE / "dynamodb", log_path=STATE / "dynamodb.log")
    moto = None
    endpoints_file = STATE / "endpoints.json"
    try:
        print("Starting DynamoDB Local ...", flush=True)
        ddb.start()
        pid_file.write_text(str(ddb.process.pid))
        from moto.server import ThreadedMotoServer

        moto_port = free_port()
        moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
        moto.start()
        endpoints = {"dynamodb": ddb.endpoint, "moto": f"http://127.0.0.1:{moto_port}"}
        endpoints_file.write_text(json.dumps(endpoints))
        os.environ["DYNAMODB_ENDPOINT_URL"] = ddb.endpoint
        os.environ["AWS_ENDPOINT_URL_S3"] = endpoints["moto"]
        os.environ["AWS_ENDPOINT_URL_SQS"] = endpoints["moto"]
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eventsite.settings")

        import django
        from django.core.management import call_command

        django.setup()
        call_command("create_tables")
        from eventsite.streams.storage import ensure_bucket

        ensure_bucket()
        call_command("seed_demo")
        feeds = _serve_demo_feeds()
        call_command("import_groups", str(ROOT / "eventsite" / "calendars" / "fixtures" / "groups"),
                     feeds_base=f"http://127.0.0.1:{feeds.server_address[1]}/")
        call_command("refresh_calendars")
        key = _admin_key()
        url = f"http://127.0.0.1:{port}"
        print(f"\neventsite is running at {url}  (API docs: {url}/api/docs/)", flush=True)
        print(f"DynamoDB Local: {ddb.endpoint}   S3/SQS (moto): {endpoints['moto']}", flush=True)
        print(f"Admin key: {key}\n", flush=True)

        import uvicorn

        uvicorn.run("eventsite.asgi:application", host="127.0.0.1", port=port, log_level="info",
                    lifespan="off")
    except KeyboardInterrupt:
        pass
    finally:
        endpoints_file.unlink(missing_ok=True)
        if moto is not None:
            moto.stop()
        ddb.stop()
        pid_file.unlink(missing_ok=True)
        print("eventsite stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
