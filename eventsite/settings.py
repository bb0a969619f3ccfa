"""Django settings for eventsite.

Everything is configured by environment variables (see README "Configuration").
There is no SQL database: all data lives in DynamoDB through PynamoDB models.
When no DynamoDB endpoint is given, the endpoints that `make run` recorded in
`.eventsite/endpoints.json` are used, so a second terminal reaches the same
local services.
"""
from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
STATE_DIR = Path(os.environ.get("EVENTSITE_STATE_DIR", BASE_DIR / ".eventsite"))


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _local_endpoints() -> dict:
    try:
        return json.loads((STATE_DIR / "endpoints.json").read_text())
    except (OSError, ValueError):
        return {}


def _secret_key() -> str:
    key = os.environ.get("DJANGO_SECRET_KEY")
    if key:
        return key
    # Local development only: one random key per checkout, kept in .eventsite/.
    path = STATE_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except OSError:
        key = secrets.token_urlsafe(50)
        try:
            STATE_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(key)
        except OSError:
            pass
        return key


_LOCAL = _local_endpoints()

ENVIRONMENT = os.environ.get("EVENTSITE_ENV", "local")
SECRET_KEY = _secret_key()
if ENVIRONMENT in ("prod", "production") and not os.environ.get("DJANGO_SECRET_KEY"):
    raise RuntimeError("Set DJANGO_SECRET_KEY in production.")
DEBUG = _env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "*").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "eventsite.dynamo",
    "eventsite.api",
    "eventsite.calendars",
    "eventsite.streams",
    "eventsite.notifications",
    "registrations",
]

MIDDLEWARE = [
    "eventsite.api.middleware.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",  # inert for the API (key auth, DRF views are exempt)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "eventsite.api.middleware.RequestBodyMiddleware",
    "eventsite.api.idempotency.IdempotencyMiddleware",
]

ROOT_URLCONF = "eventsite.urls"
ASGI_APPLICATION = "eventsite.asgi.application"
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

# No SQL database at all: data lives in DynamoDB.
DATABASES: dict = {}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or None  # the Lambda image sets it after collectstatic
# DRF's and the API docs' assets are served straight from the installed apps by
# eventsite.api.static (no collectstatic step; works under Lambda and locally).

# Request bodies over 256 KiB are answered 413 by RequestBodyMiddleware.
MAX_REQUEST_BODY_BYTES = 256 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BODY_BYTES

# Security headers; HTTPS is terminated by API Gateway in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
PRODUCTION = ENVIRONMENT in ("prod", "production")
# In a deployed environment (EVENTSITE_ENV=prod) HTTPS is enforced: API Gateway
# terminates TLS and forwards X-Forwarded-Proto. `manage.py check --deploy` is clean then.
SECURE_SSL_REDIRECT = _env_bool("DJANGO_SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True  # no cookies are set; stated for check --deploy
# CORS is answered by API Gateway (eventsite/infra.py CORS: any origin, the API's methods and
# headers, Link/X-Request-Id/Server-Timing/Retry-After exposed); Django sets no CORS headers.

# --- DynamoDB -----------------------------------------------------------------
DYNAMODB = {
    "endpoint_url": os.environ.get("DYNAMODB_ENDPOINT_URL") or _LOCAL.get("dynamodb") or None,
    "region": os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1",
    "table_prefix": os.environ.get("DYNAMODB_TABLE_PREFIX", "eventsite-"),
    "connect_timeout_seconds": float(os.environ.get("DYNAMODB_CONNECT_TIMEOUT", "2")),
    "read_timeout_seconds": float(os.environ.get("DYNAMODB_READ_TIMEOUT", "5")),
    "max_retry_attempts": int(os.environ.get("DYNAMODB_MAX_RETRIES", "3")),
    "max_pool_connections": int(os.environ.get("DYNAMODB_MAX_POOL_CONNECTIONS", "64")),
}

# How long an optimistic write (registration, stream produce) retries under contention before a 503.
WRITE_RETRY_SECONDS = float(os.environ.get("WRITE_RETRY_SECONDS", "15"))

if DYNAMODB["endpoint_url"]:
    # A local endpoint needs no real credentials; never reach for instance metadata.
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")

# --- Community calendar (seed 002) ------------------------------------------------
CALENDAR = {
    "timezone": os.environ.get("CALENDAR_TIMEZONE", "America/New_York"),  # floating times and display
    "window_days": int(os.environ.get("CALENDAR_WINDOW_DAYS", "60")),  # recurrences expanded this far ahead
    "fetch_timeout_seconds": float(os.environ.get("CALENDAR_FETCH_TIMEOUT", "10")),
    "max_feed_bytes": int(os.environ.get("CALENDAR_MAX_FEED_BYTES", str(5 * 1024 * 1024))),
    "max_occurrences_per_feed": int(os.environ.get("CALENDAR_MAX_OCCURRENCES", "2000")),
    "fetch_workers": int(os.environ.get("CALENDAR_FETCH_WORKERS", "8")),
    "site_url": os.environ.get("SITE_URL", ""),  # absolute base for sitemap/ics links; request host when empty
}

# --- Streams (seed 003) ---------------------------------------------------------------
STREAMS = {
    "bucket": os.environ.get("STREAMS_BUCKET", "eventsite-local-streams"),
    "s3_endpoint_url": os.environ.get("AWS_ENDPOINT_URL_S3") or _LOCAL.get("moto") or None,
    "inline_limit_bytes": int(os.environ.get("STREAMS_INLINE_LIMIT_BYTES", str(64 * 1024))),
    "retention_days": int(os.environ.get("STREAMS_RETENTION_DAYS", "30")),
    "orphan_after_seconds": int(os.environ.get("STREAMS_ORPHAN_AFTER_SECONDS", "120")),
    "single_flight": _env_bool("STREAMS_SINGLE_FLIGHT", True),
}

# --- Notifications (registration mail) ------------------------------------------------
NOTIFICATIONS = {
    "queue_url": os.environ.get("NOTIFICATIONS_QUEUE_URL", ""),  # empty: nothing is queued
    "sqs_endpoint_url": os.environ.get("AWS_ENDPOINT_URL_SQS") or _LOCAL.get("moto") or None,
}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "eventsite <no-reply@eventsite.local>")

# --- Write throttling (DynamoDB-backed, per API key and per client address) ------------------
THROTTLE = {
    "writes_per_minute_per_key": int(os.environ.get("THROTTLE_WRITES_PER_MINUTE_PER_KEY", "300")),
    "writes_per_minute_per_address": int(os.environ.get("THROTTLE_WRITES_PER_MINUTE_PER_ADDRESS", "600")),
}

# --- REST framework -----------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["eventsite.api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["eventsite.api.permissions.ReadPublicWriteAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "EXCEPTION_HANDLER": "eventsite.api.exception_handler.handle_exception",
    "DEFAULT_THROTTLE_CLASSES": ["eventsite.api.throttling.DynamoWriteThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    "UNAUTHENTICATED_TOKEN": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "eventsite API",
    "DESCRIPTION": "Events, users, registrations with a waitlist, community calendar and topic streams.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # API-key auth is declared here rather than by an extension class, so the
    # schema generator never has to be imported at start-up (see eventsite/urls.py).
    "AUTHENTICATION_WHITELIST": [],
    # eventsite.api.checks runs the same check after applying the views' annotations.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "SECURITY": [{"ApiKeyAuth": []}],
    "APPEND_COMPONENTS": {"securitySchemes": {"ApiKeyAuth": {
        "type": "apiKey", "in": "header", "name": "Authorization",
        "description": "`Api-Key <key>` (create one with `manage.py create_api_key`)"}}},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "botocore": {"level": "WARNING"},
        "pynamodb": {"level": "WARNING"},
        "werkzeug": {"level": "WARNING"},  # moto server's request log
    },
}
