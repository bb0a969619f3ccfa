"""Deployment facts that both infrastructure programs (pulumi/ and cdk/)
read, so they cannot drift: environments, functions, queues, schedule,
alarms, tags, and which tables each function may touch. Tables themselves
come from the PynamoDB models (eventsite.dynamo.specs)."""
from __future__ import annotations

from dataclasses import dataclass, field

PROJECT = "eventsite"
IMAGE_REPOSITORY = "eventsite"
REFRESH_SCHEDULE = "cron(0 7 * * ? *)"  # daily, 2 AM in Washington (seed 002)
STREAM_RETENTION_DAYS = 30
MAX_RECEIVE_COUNT = 5  # seed 004: a poison message reaches the DLQ after at most 5 receives


@dataclass(frozen=True)
class Environment:
    name: str
    cost_center: str
    monthly_budget_usd: int
    alarm_email: str | None
    api_concurrency: int
    log_retention_days: int

    @property
    def prefix(self) -> str:
        return f"{PROJECT}-{self.name}"

    @property
    def tags(self) -> dict[str, str]:
        return {"Project": PROJECT, "Environment": self.name, "CostCenter": self.cost_center}


ENVIRONMENTS = {
    "dev": Environment("dev", "events-dev", 50, None, api_concurrency=10, log_retention_days=14),
    "prod": Environment("prod", "events-prod", 500, None, api_concurrency=100, log_retention_days=90),
}


@dataclass(frozen=True)
class Function:
    key: str
    handler: str  # the image CMD
    memory_mb: int
    timeout_seconds: int
    reserved_concurrency: int | None  # None: the environment's API concurrency
    tables: tuple[str, ...]  # logical table names it may read and write
    bucket: bool = False
    sends_email: bool = False
    queues_to_send: tuple[str, ...] = ()
    env: dict = field(default_factory=dict)

    def concurrency(self, environment: Environment) -> int:
        return self.reserved_concurrency if self.reserved_concurrency is not None else environment.api_concurrency

    def name(self, environment: Environment) -> str:
        return f"{environment.prefix}-{self.key}"


API_TABLES = ("ApiKeys", "ThrottleWindows", "IdempotencyKeys", "Events", "Users", "Registrations", "Waitlist", "CalendarEvents", "Groups",
              "StreamTopics", "StreamMessages", "StreamConsumerGroups")
FUNCTIONS = (
    Function("api", "eventsite.lambda_handler.handler", 1024, 29, None, API_TABLES, bucket=True,
             queues_to_send=("notifications",)),
    Function("calendar-refresh", "eventsite.lambda_handler.calendar_refresh_handler", 512, 600, 1,
             ("Groups", "CalendarEvents")),
    Function("notifications-worker", "eventsite.notifications.worker.handler", 512, 60, 5,
             ("SentNotifications", "Users", "Events"), sends_email=True),
)


@dataclass(frozen=True)
class Queue:
    key: str
    consumer: str | None  # function key that consumes it; None for a dead-letter queue
    dead_letter: str | None
    retention_seconds: int

    def name(self, environment: Environment) -> str:
        return f"{environment.prefix}-{self.key}"


def function(key: str) -> Function:
    return next(f for f in FUNCTIONS if f.key == key)


QUEUES = (
    Queue("notifications", "notifications-worker", "notifications-dlq", 4 * 24 * 3600),
    Queue("notifications-dlq", None, None, 14 * 24 * 3600),
    Queue("lambda-async-dlq", None, None, 14 * 24 * 3600),  # every function's async DLQ
)
ASYNC_DLQ = "lambda-async-dlq"


def visibility_timeout(queue: Queue) -> int:
    """Seed 004: at least 6 x the consumer's timeout."""
    return 6 * function(queue.consumer).timeout_seconds if queue.consumer else 30


def table_name(environment: Environment, logical: str) -> str:
    return f"{environment.prefix}-{logical}"


def bucket_name(environment: Environment, account: str) -> str:
    return f"{environment.prefix}-streams-{account}"


def function_environment(environment: Environment, fn: Function, *, queue_url: str = "", bucket: str = "") -> dict:
    env = {"EVENTSITE_ENV": environment.name, "DYNAMODB_TABLE_PREFIX": f"{environment.prefix}-",
           "DJANGO_SETTINGS_MODULE": "eventsite.settings", "LOG_LEVEL": "INFO"}
    if fn.bucket:
        env["STREAMS_BUCKET"] = bucket
    if fn.queues_to_send:
        env["NOTIFICATIONS_QUEUE_URL"] = queue_url
    if fn.sends_email:
        env["EMAIL_BACKEND"] = "eventsite.notifications.ses_backend.EmailBackend"
    return env


BUDGET_THRESHOLDS = (50, 80, 100)


def alarm_specs(environment: Environment) -> list[dict]:
    """Every alarm, as data: both programs build exactly these."""
    specs = []
    for fn in FUNCTIONS:
        for metric in ("Errors", "Throttles"):
            specs.append({"name": f"{fn.name(environment)}-{metric.lower()}", "namespace": "AWS/Lambda",
                          "metric": metric, "dimension": ("FunctionName", fn.name(environment))})
    for queue in QUEUES:
        if queue.consumer is None:
            specs.append({"name": f"{queue.name(environment)}-depth", "namespace": "AWS/SQS",
                          "metric": "ApproximateNumberOfMessagesVisible",
                          "dimension": ("QueueName", queue.name(environment))})
    specs.append({"name": f"{environment.prefix}-api-5xx", "namespace": "AWS/ApiGateway", "metric": "5xx",
                  "dimension": ("ApiId", None)})
    return specs


def dashboard_body(environment: Environment, api_id: str, region: str = "us-east-1") -> dict:
    def widget(title, metrics):
        return {"type": "metric", "width": 12, "height": 6,
                "properties": {"title": title, "metrics": metrics, "stat": "Sum", "period": 300,
                               "region": region}}

    return {"widgets": [
        widget("Lambda errors", [["AWS/Lambda", "Errors", "FunctionName", f.name(environment)]
                                 for f in FUNCTIONS]),
        widget("Lambda throttles", [["AWS/Lambda", "Throttles", "FunctionName", f.name(environment)]
                                    for f in FUNCTIONS]),
        widget("API 4xx/5xx", [["AWS/ApiGateway", "4xx", "ApiId", api_id], ["AWS/ApiGateway", "5xx", "ApiId", api_id]]),
        widget("DLQ depth", [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q.name(environment)]
                             for q in QUEUES if q.consumer is None]),
    ]}


DYNAMODB_ACTIONS = ("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
                    "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
                    "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable")
S3_PAYLOAD_ACTIONS = ("s3:GetObject", "s3:PutObject", "s3:DeleteObject")
SQS_CONSUME_ACTIONS = ("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                       "sqs:ChangeMessageVisibility")
SES_ACTIONS = ("ses:SendEmail", "ses:SendRawEmail")
CORS = {"allow_origins": ["*"], "allow_methods": ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        "allow_headers": ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"],
        "expose_headers": ["Link", "X-Request-Id", "Server-Timing", "Retry-After"], "max_age": 3600}
