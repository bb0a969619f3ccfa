"""Stateful Schemathesis: sequences of calls linked through responses
(links inferred by Schemathesis from the schema: create an event, then read,
update, register for and delete it), with 0 server errors."""
import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
Workflow = schema.as_state_machine()
ADMIN_KEY = {}


class EventsiteWorkflow(Workflow):
    def get_call_kwargs(self, case):
        return {"headers": {"Authorization": f"Api-Key {ADMIN_KEY['key']}"}}

    def validate_response(self, response, case, **kwargs):
        case.validate_response(response, checks=[not_a_server_error])


@pytest.fixture(autouse=True)
def admin_key(keys):
    ADMIN_KEY["key"] = keys["admin"]


EventsiteWorkflow.TestCase.settings = settings(
    max_examples=25, stateful_step_count=6, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
TestStatefulAPI = EventsiteWorkflow.TestCase
