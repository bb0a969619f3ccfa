from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eventsite.api"
    label = "eventsite_api"

    def ready(self) -> None:
        from . import checks, idempotency, throttling  # noqa: F401  deploy check; their tables join the registry
