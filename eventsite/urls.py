"""Root URL configuration."""
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from eventsite.api.views import ApiRootView, HealthView

urlpatterns = [
    path("", ApiRootView.as_view(), name="api-root"),
    path("health", HealthView.as_view(), name="health"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("", include("registrations.api.urls")),
    path("", include("eventsite.calendars.api.urls")),
    path("", include("eventsite.streams.api.urls")),
]

handler404 = "eventsite.api.views.not_found"
handler500 = "eventsite.api.views.server_error"
