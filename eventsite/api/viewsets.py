"""Base ViewSet: answers 405 for an unmapped method before authentication
runs, so a wrong method is never reported as a missing key; no schema
inspector until the OpenAPI document is generated."""
from rest_framework import exceptions, viewsets


class ApiViewSet(viewsets.ViewSet):
    # DRF's router inspects every attribute when building URLs, which would
    # import the OpenAPI AutoSchema at start-up; eventsite.api.schema gives the
    # schema back when the OpenAPI document is first generated.
    schema = None

    def initial(self, request, *args, **kwargs):
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
