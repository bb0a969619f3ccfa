"""The single exception handler maps every error to the documented format."""
from botocore.exceptions import ClientError, EndpointConnectionError
from pynamodb.exceptions import GetError
from rest_framework import exceptions as drf

from eventsite.api.errors import Conflict, StoreUnavailable
from eventsite.api.exception_handler import handle_exception


def call(exc):
    response = handle_exception(exc, {})
    return response.status_code, response.data, response


def test_application_error_keeps_status_and_detail():
    status, body, _ = call(Conflict("taken"))
    assert (status, body) == (409, {"detail": "taken"})


def test_validation_error_is_422_with_field_errors():
    status, body, _ = call(drf.ValidationError({"title": ["required"]}))
    assert status == 422
    assert body == {"detail": "Some fields are invalid: title.", "errors": {"title": ["required"]}}


def test_parse_error_is_400():
    assert call(drf.ParseError("x"))[0] == 400


def test_unsupported_media_type_is_415():
    assert call(drf.UnsupportedMediaType("text/plain"))[0] == 415


def test_throttled_is_429_with_retry_after():
    status, _, response = call(drf.Throttled(wait=7))
    assert status == 429 and response["Retry-After"] == "7"


def test_store_unavailable_is_503_with_retry_after():
    status, _, response = call(StoreUnavailable())
    assert status == 503 and response["Retry-After"]


def test_unreachable_dynamodb_is_503_without_aws_text():
    exc = GetError("Failed", cause=EndpointConnectionError(endpoint_url="http://secret-host:1"))
    status, body, _ = call(exc)
    assert status == 503
    assert "secret-host" not in str(body)


def test_throttling_error_is_503():
    error = ClientError({"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "arn:aws:..."}}, "GetItem")
    status, body, _ = call(GetError("x", cause=error))
    assert status == 503 and "arn:aws" not in str(body)


def test_unexpected_error_is_generic_500_with_request_id():
    status, body, _ = call(RuntimeError("internal secret detail"))
    assert status == 500
    assert "secret" not in body["detail"] and "request id" in body["detail"]


def test_timeout_wrapped_by_pynamodb_is_503():
    from botocore.exceptions import ReadTimeoutError
    from pynamodb.exceptions import UpdateError

    status, _, response = call(UpdateError("Failed", cause=ReadTimeoutError(endpoint_url="http://x")))
    assert status == 503 and response["Retry-After"]
