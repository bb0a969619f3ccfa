"""Static files for the browsable API and the API docs, found through the
installed apps on first request (an equivalent of WhiteNoise's finder mode
that costs nothing at cold start, which matters under Lambda)."""
from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path

from django.http import FileResponse, Http404


def serve_static(request, path: str):
    from django.contrib.staticfiles import finders

    normalized = posixpath.normpath(path).lstrip("/")
    if normalized.startswith("..") or "\x00" in normalized:
        raise Http404("No such file.")
    found = finders.find(normalized)
    if not found:
        raise Http404("No such file.")
    content_type, encoding = mimetypes.guess_type(normalized)
    response = FileResponse(Path(found).open("rb"), content_type=content_type or "application/octet-stream")
    if encoding:
        response["Content-Encoding"] = encoding
    response["Cache-Control"] = "public, max-age=86400"
    return response
