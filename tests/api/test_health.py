"""GET /health: 200 when DynamoDB answers, 503 when it does not."""
from django.conf import settings

from eventsite.dynamo.connection import configure_models


def test_health_is_200_when_dynamodb_answers(anon):
    response = anon.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "healthy"


def test_health_is_503_when_dynamodb_is_unreachable(anon):
    from eventsite.dynamo.local import free_port

    original = settings.DYNAMODB.copy()
    settings.DYNAMODB.update(endpoint_url=f"http://127.0.0.1:{free_port()}", max_retry_attempts=0,
                             connect_timeout_seconds=0.5)
    configure_models()
    try:
        response = anon.get("/health")
    finally:
        settings.DYNAMODB.update(original)
        configure_models()
    assert response.status_code == 503
    assert response.json()["status"] == "unhealthy"
    assert response["Retry-After"]
