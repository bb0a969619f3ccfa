"""Routes of the streams app (seed 003)."""
from django.urls import path

from . import views

urlpatterns = [
    path("topics/<str:topic>", views.TopicView.as_view(), name="topic"),
    path("topics/<str:topic>/produce", views.ProduceView.as_view(), name="topic-produce"),
    path("topics/<str:topic>/consume", views.ConsumeView.as_view(), name="topic-consume"),
    path("topics/<str:topic>/groups/<str:group>/commit", views.CommitView.as_view(), name="topic-commit"),
]
