"""Schemathesis against the project's own OpenAPI schema: no 5xx, documented
status codes, responses match the schema. Runs in-process over WSGI against
DynamoDB Local; bounded by max_examples per operation."""
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_conforms_to_its_schema(case, keys):
    response = case.call(headers={"Authorization": f"Api-Key {keys['admin']}"})
    case.validate_response(response, checks=CHECKS)


def test_schema_documents_every_events_operation(dynamodb_local):
    from rest_framework.test import APIClient

    document = APIClient().get("/api/schema/?format=json").json()
    assert set(document["paths"]["/events"]) >= {"get", "post"}
    assert set(document["paths"]["/events/{eventId}"]) >= {"get", "put", "patch", "delete"}
