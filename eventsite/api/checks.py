"""`check --deploy`: the OpenAPI schema generates without warnings.
(drf-spectacular's own check is off: it would run before the views'
deferred annotations are applied, see eventsite.api.schema.)"""
from django.core.checks import Error, Warning, register


@register(deploy=True)
def openapi_schema_check(app_configs, **kwargs):
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.settings import spectacular_settings

    from .schema import apply_annotations

    apply_annotations()
    found = []
    try:
        with GENERATOR_STATS.silence():
            spectacular_settings.DEFAULT_GENERATOR_CLASS().get_schema(request=None, public=True)
    except Exception as exc:  # noqa: BLE001 - reported as a check error
        found.append(Error(f"OpenAPI schema generation failed: {exc}", id="eventsite.E001"))
    for message in list(GENERATOR_STATS._warn_cache) + list(GENERATOR_STATS._error_cache):
        found.append(Warning(message, id="eventsite.W001"))
    return found
