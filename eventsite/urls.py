"""Root URL configuration."""
from importlib import import_module

from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from eventsite.api.responses import safe_methods_only
from eventsite.api.static import serve_static
from eventsite.api.views import ApiRootView, HealthView


def schema_view(name: str, **initkwargs):
    """drf-spectacular's views, imported on first use: its schema generator
    costs ~80 ms that no API request needs at cold start."""
    view = None

    @csrf_exempt
    def dispatch(request, *args, **kwargs):
        nonlocal view
        if view is None:
            from eventsite.api.schema import apply_annotations

            apply_annotations()
            view = getattr(import_module("drf_spectacular.views"), name).as_view(**initkwargs)
        return view(request, *args, **kwargs)

    return dispatch


urlpatterns = [
    path("", ApiRootView.as_view(), name="api-root"),
    path("health", HealthView.as_view(), name="health"),
    path("static/<path:path>", safe_methods_only(serve_static), name="static"),
    path("api/schema/", schema_view("SpectacularAPIView"), name="schema"),
    path("api/docs/", schema_view("SpectacularSwaggerView", url_name="schema"), name="docs"),
    path("", include("registrations.api.urls")),
    path("", include("eventsite.calendars.api.urls")),
    path("", include("eventsite.streams.api.urls")),
]

handler404 = "eventsite.api.views.not_found"
handler500 = "eventsite.api.views.server_error"
