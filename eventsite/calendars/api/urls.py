"""Routes of the community calendar, path for path as seed 002."""
from django.urls import path

from eventsite.api.responses import safe_methods_only

from . import views

urlpatterns = [
    path("api/events", views.EventsView.as_view(), name="calendar-events"),
    path("api/events/upcoming", views.UpcomingView.as_view(), name="calendar-upcoming"),
    path("api/events/virtual", views.VirtualView.as_view(), name="calendar-virtual"),
    path("api/events/week/<str:week_id>", views.WeekView.as_view(), name="calendar-week"),
    path("api/locations", views.LocationsView.as_view(), name="calendar-locations"),
    path("api/locations/<str:state>", views.StateView.as_view(), name="calendar-state"),
    path("api/groups", views.GroupsView.as_view(), name="calendar-groups"),
    path("api/groups/<str:group_id>", views.GroupView.as_view(), name="calendar-group"),
    path("events.ics", safe_methods_only(views.events_ics), name="calendar-ics"),
    path("sitemap.xml", safe_methods_only(views.sitemap_xml), name="sitemap"),
]
