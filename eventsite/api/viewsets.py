"""Base ViewSet: answers 405 for an unmapped method before authentication
runs, so a wrong method is never reported as a missing key."""
from rest_framework import exceptions, viewsets


class ApiViewSet(viewsets.ViewSet):
    def initial(self, request, *args, **kwargs):
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
