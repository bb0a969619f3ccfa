"""Routes of the registrations app (no trailing slashes, dots allowed in ids)."""
from django.urls import path
from rest_framework.routers import SimpleRouter

from .registrations import EventRegistrationViewSet
from .users import UserRegistrationsView, UserViewSet
from .views import EventViewSet

router = SimpleRouter(trailing_slash=False)
router.register("events", EventViewSet, basename="event")
router.register("users", UserViewSet, basename="user")
router.register(r"events/(?P<eventId>[^/]+)/registrations", EventRegistrationViewSet, basename="registration")

urlpatterns = router.urls + [
    path("users/<str:userId>/registrations", UserRegistrationsView.as_view({"get": "list"}),
         name="user-registrations"),
]
