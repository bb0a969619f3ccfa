from django.apps import AppConfig


class StreamsConfig(AppConfig):
    name = "eventsite.streams"
    label = "streams"
