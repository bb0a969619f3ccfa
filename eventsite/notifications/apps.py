from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "eventsite.notifications"
    label = "notifications"
