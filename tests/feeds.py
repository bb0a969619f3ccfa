"""Test helpers for calendar feeds: a real local HTTP feed server (ETag/304,
errors, delays) and a shifter that moves a real-world .ics file's dates by
whole weeks so its recurrences fall inside today's 60-day window."""
from __future__ import annotations

import hashlib
import re
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "calendar"  # a copy of shared/data/calendar (see its SOURCES.md)


@dataclass
class Feed:
    body: bytes = b""
    status: int = 200
    delay: float = 0.0
    etag: bool = True


class FeedServer:
    def __init__(self):
        self.feeds: dict[str, Feed] = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                feed = server.feeds.get(self.path)
                if feed is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                if feed.delay:
                    time.sleep(feed.delay)
                tag = '"' + hashlib.sha1(feed.body).hexdigest() + '"'
                if feed.status == 200 and feed.etag and self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(feed.status)
                self.send_header("Content-Type", "text/calendar")
                if feed.etag:
                    self.send_header("ETag", tag)
                self.send_header("Content-Length", str(len(feed.body)))
                self.end_headers()
                try:
                    self.wfile.write(feed.body)
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def serve(self, path: str, body: bytes = b"", **options) -> str:
        self.feeds[path] = Feed(body, **options)
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


_PROPS = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE", "RRULE")
_STAMP = re.compile(r"(\d{8})(T\d{6}Z?)?")


def _shift(match: re.Match, weeks: int) -> str:
    day = datetime.strptime(match.group(1), "%Y%m%d").date() + timedelta(weeks=weeks)
    return day.strftime("%Y%m%d") + (match.group(2) or "")


def shifted(name: str, *, to: date) -> bytes:
    """The file `ics/<name>` with every VEVENT date moved by whole weeks so its
    first DTSTART falls in the week of `to`. Line endings are kept."""
    raw = (DATA / "ics" / name).read_bytes().decode("utf-8")
    unfolded = re.sub(r"\r?\n[ \t]", "", raw)
    first = None
    in_event = False
    for line in unfolded.splitlines():
        in_event = (in_event or line == "BEGIN:VEVENT") and line != "END:VEVENT"
        if in_event and line.startswith("DTSTART"):
            first = datetime.strptime(_STAMP.search(line.split(":", 1)[1]).group(1), "%Y%m%d").date()
            break
    weeks = (to - first).days // 7
    out = []
    in_event = False
    for line in re.split(r"(\r?\n)", unfolded):
        if line == "BEGIN:VEVENT":
            in_event = True
        elif line == "END:VEVENT":
            in_event = False
        name_part = line.split(":", 1)[0].split(";", 1)[0]
        if in_event and name_part in _PROPS and ":" in line:
            head, value = line.split(":", 1)
            line = head + ":" + _STAMP.sub(lambda m: _shift(m, weeks), value)
        out.append(line)
    return "".join(out).encode("utf-8")


def ics(*events: str, tz: str | None = None) -> bytes:
    """A small feed from VEVENT bodies."""
    parts = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//EN"]
    for event in events:
        parts += ["BEGIN:VEVENT", *event.strip().splitlines(), "END:VEVENT"]
    parts.append("END:VCALENDAR")
    return ("\r\n".join(parts) + "\r\n").encode()
