"""The Lambda image, built the way the Dockerfile builds it (runtime
dependencies only, no venv), serves /health from an API Gateway event."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def test_dockerfile_uses_the_arm64_lambda_base_and_runtime_dependencies_only():
    assert re.search(r"^FROM public\.ecr\.aws/lambda/python:3\.11-arm64$", DOCKERFILE, re.M)
    install = re.search(r"^RUN pip install (.*)$", DOCKERFILE, re.M).group(1)
    assert "[" not in install  # no extras: no dev, test or infra packages
    assert re.search(r'^CMD \["eventsite\.lambda_handler\.handler"\]$', DOCKERFILE, re.M)


@pytest.fixture(scope="module")
def task_root(tmp_path_factory):
    """COPY + `pip install --target` exactly as the Dockerfile does."""
    build = tmp_path_factory.mktemp("build")
    for line in re.findall(r"^COPY (.+) /tmp/build/?\S*$", DOCKERFILE, re.M):
        for name in line.split():
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, build / name)
    task = tmp_path_factory.mktemp("task")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "--target", str(task), str(build)], check=True)
    return task


def test_handler_from_the_image_layout_serves_health(task_root, dynamodb_local, tmp_path):
    event = {"version": "2.0", "routeKey": "$default", "rawPath": "/health", "rawQueryString": "",
             "headers": {"host": "x.execute-api.us-east-1.amazonaws.com"},
             "requestContext": {"stage": "$default", "http": {"method": "GET", "path": "/health",
                                                              "sourceIp": "203.0.113.1", "protocol": "HTTP/1.1"}},
             "isBase64Encoded": False}
    script = (f"import sys, json; sys.path[:0] = [{str(task_root)!r}]; "
              "from eventsite.lambda_handler import handler; "
              f"print(json.dumps(handler({event!r}, None)))")
    env = {"PATH": os.environ["PATH"], "DYNAMODB_ENDPOINT_URL": dynamodb_local, "DYNAMODB_TABLE_PREFIX": "test-",
           "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local", "AWS_REGION": "us-east-1",
           "DJANGO_SECRET_KEY": "image-test", "EVENTSITE_STATE_DIR": str(tmp_path), "HOME": str(tmp_path)}
    # -S: no site-packages, so nothing from the test venv can stand in for a missing runtime dependency
    result = subprocess.run([sys.executable, "-S", "-c", script], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    response = json.loads(result.stdout.strip().splitlines()[-1])
    assert response["statusCode"] == 200
    assert json.loads(response["body"])["status"] == "healthy"
