"""Cold start: a fresh Python process imports the Lambda handler and answers
its first API Gateway event (GET /events/{id} against DynamoDB Local), then
warm requests. Each figure is a ratio against a minimal FastAPI + Mangum +
boto3 implementation of the same endpoint (bench/peers/fastapi_events.py),
measured in the same run; medians of several fresh processes."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys

from bench.common import ROOT, dynamodb_local, ratio, setup_django

RUNS = 7
WARM = 300
PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
module = __import__(sys.argv[1], fromlist=["handler"])
t1 = time.perf_counter()
event = {"version": "2.0", "routeKey": "$default", "rawPath": "/events/cold", "rawQueryString": "",
         "headers": {"host": "x.execute-api.us-east-1.amazonaws.com", "accept": "application/json"},
         "requestContext": {"stage": "$default", "http": {"method": "GET", "path": "/events/cold",
                            "sourceIp": "203.0.113.1", "protocol": "HTTP/1.1"}}, "isBase64Encoded": False}
first = module.handler(event, None)
t2 = time.perf_counter()
assert first["statusCode"] == 200, first
for _ in range(int(sys.argv[2])):
    module.handler(event, None)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "warm": (t3 - t2) / int(sys.argv[2])}))
"""


def probe(module: str, env: dict) -> dict:
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", PROBE, module, str(WARM)], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> int:
    with dynamodb_local() as endpoint:
        setup_django(endpoint)
        from eventsite.api.keys import Principal
        from registrations import services

        services.event_create(principal=Principal(key_id="bench", name="bench", role="admin"), data={
            "eventId": "cold", "title": "Cold start", "description": "", "date": "2030-01-01", "location": "DC",
            "capacity": 10, "organizer": "bench", "status": "active"})
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        env.update(DYNAMODB_ENDPOINT_URL=endpoint, DYNAMODB_TABLE_PREFIX="bench-", PEER_TABLE="bench-Events",
                   AWS_ACCESS_KEY_ID="local", AWS_SECRET_ACCESS_KEY="local", AWS_REGION="us-east-1",
                   DJANGO_SECRET_KEY="bench", LOG_LEVEL="WARNING")
        probe("eventsite.lambda_handler", env)  # warm DynamoDB Local and the OS file cache
        ours = probe("eventsite.lambda_handler", env)
        peer = probe("bench.peers.fastapi_events", env)
    print(f"cold start: median of {RUNS} fresh processes; peer = FastAPI + Mangum + boto3, same run")
    for key, label in (("import", "import handler"), ("first", "first response"), ("warm", "warm request")):
        print(f"  {label:16} eventsite {ours[key] * 1000:8.2f} ms   peer {peer[key] * 1000:8.2f} ms   "
              f"ratio {ratio(ours[key], peer[key])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
