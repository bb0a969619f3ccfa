"""ASGI entry point (uvicorn locally, Mangum in Lambda)."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eventsite.settings")
application = get_asgi_application()
