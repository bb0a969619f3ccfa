from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eventsite.api"
    label = "eventsite_api"

    def ready(self) -> None:
        from . import idempotency, schema, throttling  # noqa: F401  OpenAPI auth extension; their tables
