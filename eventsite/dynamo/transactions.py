"""TransactWriteItems with named items.

PynamoDB sends a transaction's items grouped by kind (condition checks,
deletes, puts, updates), whatever order they were added in, and DynamoDB
reports cancellation reasons by position. `Transaction` labels each item and
maps the reasons back, so callers ask "did the 'event' condition fail?"."""
from __future__ import annotations

import random
import time
import uuid

from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from .connection import transact_connection

RETRYABLE_REASONS = frozenset({"TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"})
_EXPECTED_CODES = RETRYABLE_REASONS | {None, "None", "ConditionalCheckFailed"}
_KINDS = ("check", "delete", "put", "update")  # the order PynamoDB sends them in


class TransactionCancelled(Exception):
    """The transaction did not commit. `failed` names the items whose
    condition failed; `retryable` says a retry may succeed as is."""

    def __init__(self, failed: set[str], retryable: bool, codes: list[str | None]):
        super().__init__(f"transaction cancelled: failed={sorted(failed)} codes={codes}")
        self.failed = failed
        self.retryable = retryable
        self.codes = codes


class Transaction:
    def __init__(self) -> None:
        # One token per transaction: botocore's retries of this commit are then
        # idempotent on DynamoDB's side (a lost response cannot apply it twice).
        self._tx = TransactWrite(connection=transact_connection(), client_request_token=uuid.uuid4().hex)
        self._labels: dict[str, list[str]] = {kind: [] for kind in _KINDS}

    def check(self, label: str, model_cls, hash_key, range_key=None, *, condition) -> None:
        self._tx.condition_check(model_cls, hash_key, range_key, condition=condition)
        self._labels["check"].append(label)

    def delete(self, label: str, model, *, condition=None) -> None:
        self._tx.delete(model, condition=condition)
        self._labels["delete"].append(label)

    def put(self, label: str, model, *, condition=None) -> None:
        self._tx.save(model, condition=condition)
        self._labels["put"].append(label)

    def update(self, label: str, model, *, actions: list, condition=None) -> None:
        self._tx.update(model, actions=actions, condition=condition)
        self._labels["update"].append(label)

    @property
    def size(self) -> int:
        return sum(len(v) for v in self._labels.values())

    def commit(self) -> None:
        try:
            self._tx._commit()
        except TransactWriteError as exc:
            reasons = list(exc.cancellation_reasons or [])
            if not reasons and exc.cause_response_code not in ("TransactionConflictException",
                                                                "TransactionInProgressException"):
                raise
            labels = [label for kind in _KINDS for label in self._labels[kind]]
            codes = [r.code if r is not None else None for r in reasons]
            if any(code not in _EXPECTED_CODES for code in codes):
                raise  # e.g. ValidationError: a bug, not a race

            failed = {label for label, code in zip(labels, codes) if code == "ConditionalCheckFailed"}
            retryable = not reasons or any(code in RETRYABLE_REASONS for code in codes)
            raise TransactionCancelled(failed, retryable, codes) from exc


def backoff(attempt: int, *, base: float = 0.003, cap: float = 0.2) -> None:
    """Full-jitter exponential backoff."""
    time.sleep(random.uniform(0, min(cap, base * (2 ** attempt))))


def retry_window(seconds: float | None = None):
    """Attempt numbers 0, 1, 2, ... until `seconds` have passed (default:
    settings.WRITE_RETRY_SECONDS, kept well under the Lambda timeout). Under
    contention an optimistic write retries for a while, not a fixed count."""
    from django.conf import settings

    deadline = time.monotonic() + (settings.WRITE_RETRY_SECONDS if seconds is None else seconds)
    attempt = 0
    while True:
        yield attempt
        attempt += 1
        if time.monotonic() > deadline:
            return


def with_retries(operation, *, seconds: float | None = None):
    """Run `operation()`, retrying transient DynamoDB failures (throttling,
    timeouts, no connection) with backoff for the retry window; for steps
    that must not be left half done once an earlier step has committed."""
    from .errors import is_transient

    last = None
    for attempt in retry_window(seconds):
        try:
            return operation()
        except Exception as exc:  # noqa: BLE001 - filtered just below
            if not is_transient(exc):
                raise
            last = exc
            backoff(attempt)
    raise last
