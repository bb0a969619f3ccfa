from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eventsite.api"
    label = "eventsite_api"
