"""The Mangum handler answers API Gateway REST (v1) and HTTP API (v2) events."""
import base64
import json

import pytest

from tests.conftest import event_body


@pytest.fixture(scope="module")
def handler(dynamodb_local):
    from eventsite.lambda_handler import handler

    return handler


class Context:
    function_name = "eventsite-api"
    aws_request_id = "req-1"


def v1_event(method, path, body=None, headers=None, stage="prod", query=None):
    return {
        "resource": "/{proxy+}", "path": path, "httpMethod": method,
        "headers": {"Host": "abc.execute-api.us-east-1.amazonaws.com", **(headers or {})},
        "multiValueHeaders": {}, "queryStringParameters": query, "multiValueQueryStringParameters": None,
        "pathParameters": {"proxy": path.lstrip("/")}, "stageVariables": None,
        "requestContext": {"stage": stage, "path": f"/{stage}{path}", "httpMethod": method,
                           "identity": {"sourceIp": "203.0.113.9"}, "requestId": "r1"},
        "body": body, "isBase64Encoded": False,
    }


def v2_event(method, path, body=None, headers=None, stage="$default", query="", b64=False):
    raw_path = path if stage == "$default" else f"/{stage}{path}"
    return {
        "version": "2.0", "routeKey": "$default", "rawPath": raw_path, "rawQueryString": query,
        "headers": {"host": "abc.execute-api.us-east-1.amazonaws.com", **(headers or {})},
        "requestContext": {"stage": stage, "http": {"method": method, "path": raw_path, "sourceIp": "203.0.113.9",
                                                       "protocol": "HTTP/1.1", "userAgent": "t"},
                           "requestId": "r2", "routeKey": "$default"},
        "body": (base64.b64encode(body.encode()).decode() if b64 and body else body), "isBase64Encoded": b64,
    }


def test_v1_health(handler):
    response = handler(v1_event("GET", "/health"), Context())
    assert response["statusCode"] == 200
    assert json.loads(response["body"])["status"] == "healthy"


def test_v2_health_default_stage(handler):
    response = handler(v2_event("GET", "/health"), Context())
    assert response["statusCode"] == 200


def test_v2_named_stage_prefix_is_stripped_for_routing(handler):
    response = handler(v2_event("GET", "/health", stage="prod"), Context())
    assert response["statusCode"] == 200


def test_v1_post_without_content_length_reads_the_body(handler, keys):
    body = json.dumps(event_body())
    event = v1_event("POST", "/events", body=body,
                     headers={"Content-Type": "application/json", "Authorization": f"Api-Key {keys['organizer']}"})
    response = handler(event, Context())
    assert response["statusCode"] == 201, response["body"]
    assert json.loads(response["body"])["title"] == "Meetup"


def test_v2_base64_body_without_content_length(handler, keys):
    event = v2_event("POST", "/events", body=json.dumps(event_body(title="B64")), b64=True, stage="prod",
                     headers={"content-type": "application/json", "authorization": f"Api-Key {keys['organizer']}"})
    response = handler(event, Context())
    assert response["statusCode"] == 201, response["body"]
    assert json.loads(response["body"])["title"] == "B64"


def test_links_keep_the_stage_prefix(handler, keys, make_event):
    status = "lambda-link"
    make_event(status=status), make_event(status=status)
    response = handler(v2_event("GET", "/events", stage="prod", query=f"status={status}&limit=1"), Context())
    assert response["statusCode"] == 200
    link = response["headers"]["link"]
    assert link.startswith("<https://abc.execute-api.us-east-1.amazonaws.com/prod/events?")


def test_unknown_path_is_json_404(handler):
    response = handler(v1_event("GET", "/nope"), Context())
    assert response["statusCode"] == 404
    assert json.loads(response["body"])["detail"]


def test_browsable_api_static_files_are_served_under_lambda(handler):
    response = handler(v2_event("GET", "/static/rest_framework/css/bootstrap.min.css"), Context())
    assert response["statusCode"] == 200
    assert "text/css" in response["headers"]["content-type"]


def test_static_path_traversal_is_404(handler):
    for path in ("/static/../settings.py", "/static/%2e%2e/eventsite/settings.py", "/static/nope.css"):
        assert handler(v2_event("GET", path), Context())["statusCode"] == 404
