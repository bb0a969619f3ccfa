from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eventsite.api"
    label = "eventsite_api"

    def ready(self) -> None:
        from . import idempotency, throttling  # noqa: F401  their tables join the registry
