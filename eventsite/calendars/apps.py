from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    name = "eventsite.calendars"
    label = "calendars"
