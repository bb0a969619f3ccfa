"""Shared benchmark plumbing: a private DynamoDB Local, an eventsite server
(uvicorn, several worker processes, like several Lambda instances) on a free
loopback port, timed HTTP clients and percentiles."""
from __future__ import annotations

import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TIMING = re.compile(r'dynamodb;desc="(\d+) calls"')


def setup_django(endpoint: str, prefix: str = "bench-") -> None:
    os.environ.update(DYNAMODB_ENDPOINT_URL=endpoint, DYNAMODB_TABLE_PREFIX=prefix,
                      DJANGO_SETTINGS_MODULE="eventsite.settings", AWS_ACCESS_KEY_ID="local",
                      AWS_SECRET_ACCESS_KEY="local", AWS_EC2_METADATA_DISABLED="true",
                      DJANGO_SECRET_KEY="bench-secret")
    import django

    django.setup()
    from django.conf import settings

    from eventsite.dynamo.connection import configure_models
    from eventsite.dynamo.tables import create_tables

    settings.DYNAMODB.update(endpoint_url=endpoint, table_prefix=prefix)  # a second bench in the same process
    configure_models()
    create_tables()


@contextmanager
def dynamodb_local():
    from eventsite.dynamo.local import DynamoDBLocal

    server = DynamoDBLocal()
    server.start()
    try:
        yield server.endpoint
    finally:
        server.stop()


def _wait_healthy(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("eventsite server did not start")
            time.sleep(0.3)


@contextmanager
def eventsite_server(instances: int = 4, env: dict | None = None):
    """`instances` single-process uvicorn servers (like warm Lambda instances,
    each serving one request at a time); yields their ports. Clients spread
    over them round-robin."""
    from eventsite.dynamo.local import free_port

    env = {**os.environ, "LOG_LEVEL": "WARNING", **(env or {})}
    servers = []
    try:
        for _ in range(instances):
            port = free_port()
            proc = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "eventsite.asgi:application", "--host", "127.0.0.1",
                 "--port", str(port), "--log-level", "warning", "--lifespan", "off"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
            servers.append((port, proc))
        for port, proc in servers:
            _wait_healthy(port, proc)
        yield [port for port, _ in servers]
    finally:
        for _, proc in servers:
            proc.terminate()
        for _, proc in servers:
            proc.wait(timeout=20)


@dataclass
class Sample:
    status: int
    seconds: float
    dynamo_calls: int | None
    body: bytes = b""


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    wall: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.samples) / self.wall if self.wall else 0.0

    def pct(self, p: float) -> float:
        values = sorted(s.seconds for s in self.samples)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000

    def calls(self) -> float:
        values = [s.dynamo_calls for s in self.samples if s.dynamo_calls is not None]
        return statistics.mean(values) if values else float("nan")

    def statuses(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for s in self.samples:
            counts[s.status] = counts.get(s.status, 0) + 1
        return dict(sorted(counts.items()))


class Client:
    """One keep-alive HTTP connection per thread."""

    def __init__(self, port: int, key: str | None = None):
        self.port, self.key = port, key
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method: str, path: str, body: dict | None = None) -> Sample:
        headers = {"Accept": "application/json"}
        if self.key:
            headers["Authorization"] = f"Api-Key {self.key}"
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=payload, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            return Sample(0, time.perf_counter() - started, None)
        elapsed = time.perf_counter() - started
        match = _TIMING.search(response.getheader("Server-Timing") or "")
        return Sample(response.status, elapsed, int(match.group(1)) if match else None, data)


def load(ports: list[int], requests: list[tuple[str, str, dict | None, str | None]], clients: int) -> Run:
    """Send (method, path, body, key) requests from `clients` threads at once;
    client i talks to server ports[i % len(ports)]."""
    run = Run()
    chunks = [(ports[i % len(ports)], requests[i::clients]) for i in range(clients)]

    def worker(job):
        port, chunk = job
        cache: dict = {}
        out = []
        for method, path, body, key in chunk:
            client = cache.setdefault(key, Client(port, key))
            out.append(client.request(method, path, body))
        return out

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for samples in pool.map(worker, chunks):
            run.samples.extend(samples)
    run.wall = time.perf_counter() - started
    return run


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}x" if baseline else "n/a"
