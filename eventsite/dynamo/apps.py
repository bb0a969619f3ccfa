"""App config: points every PynamoDB model at the configured DynamoDB and
starts counting DynamoDB calls for Server-Timing."""
from django.apps import AppConfig


class DynamoConfig(AppConfig):
    name = "eventsite.dynamo"
    label = "dynamo"

    def ready(self) -> None:
        from . import connection, stats

        connection.configure_models()
        stats.install()
