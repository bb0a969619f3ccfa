from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eventsite.api"
    label = "eventsite_api"

    def ready(self) -> None:
        from . import schema  # noqa: F401  registers the OpenAPI auth extension
