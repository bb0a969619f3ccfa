"""Classifies DynamoDB failures: which ones mean "the store is unavailable or
overloaded, retry later" (503) as opposed to a bug (500)."""
from __future__ import annotations

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionError as BotoConnectionError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)
from pynamodb.exceptions import PynamoDBException

TRANSIENT_CODES = frozenset({
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TransactionConflictException",
    "TransactionInProgressException",
    "InternalServerError",
    "ServiceUnavailable",
    "LimitExceededException",
})


def error_code(exc: BaseException) -> str | None:
    """The DynamoDB error code behind a PynamoDB or botocore exception, if any."""
    if isinstance(exc, PynamoDBException):
        try:
            code = exc.cause_response_code
        except AttributeError:  # the cause is not a ClientError (a timeout, no connection)
            code = None
        if code:
            return code
        exc = exc.cause or exc
    if isinstance(exc, ClientError):
        return exc.response.get("Error", {}).get("Code")
    return None


def is_condition_failure(exc: BaseException) -> bool:
    return error_code(exc) == "ConditionalCheckFailedException"


def is_transient(exc: BaseException) -> bool:
    """True when retrying later may succeed: throttling, conflicts, timeouts, no connection."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (EndpointConnectionError, BotoConnectionError, ConnectTimeoutError, ReadTimeoutError)):
            return True
        if error_code(exc) in TRANSIENT_CODES:
            return True
        if isinstance(exc, PynamoDBException) and exc.cause is not None:
            exc = exc.cause
            continue
        if isinstance(exc, BotoCoreError) and "connect" in type(exc).__name__.lower():
            return True
        exc = exc.__cause__ or exc.__context__
    return False
