"""Builds the whole stack from the stack's config (`eventsite:environment`,
`eventsite:imageTag`, `eventsite:alarmEmail`, secret `eventsite:djangoSecretKey`)."""
from __future__ import annotations

import pulumi
import pulumi_aws as aws

from eventsite import infra

from .api import Api
from .calendar import CalendarRefresh
from .common import Settings, register_tags
from .data import DataStore
from .monitoring import Monitoring
from .notifications import Notifications
from .streams import StreamStorage


def build() -> dict:
    config = pulumi.Config("eventsite")
    environment = infra.ENVIRONMENTS[config.get("environment") or pulumi.get_stack()]
    register_tags(environment)
    repository = aws.ecr.Repository("image-repository", name=f"{environment.prefix}-{infra.IMAGE_REPOSITORY}",
                                    image_tag_mutability="IMMUTABLE" if environment.name == "prod" else "MUTABLE",
                                    image_scanning_configuration=aws.ecr.RepositoryImageScanningConfigurationArgs(
                                        scan_on_push=True))
    settings = Settings(
        environment=environment,
        image_uri=pulumi.Output.concat(repository.repository_url, ":", config.get("imageTag") or "latest"),
        secret_key=config.get_secret("djangoSecretKey") or pulumi.Output.secret("change-me-" + environment.name),
        alarm_email=config.get("alarmEmail") or environment.alarm_email,
    )
    account = aws.get_caller_identity_output().account_id
    data = DataStore("data", settings)
    streams = StreamStorage("streams", settings, account)
    notifications = Notifications("notifications", settings, data.arns)
    api = Api("api", settings, data.arns, streams.bucket, notifications.queues["notifications"],
              notifications.async_dlq)
    CalendarRefresh("calendar", settings, data.arns, notifications.async_dlq)
    Monitoring("monitoring", settings, api.http_api.id)
    pulumi.export("api_url", api.url)
    pulumi.export("image_repository", repository.repository_url)
    pulumi.export("streams_bucket", streams.bucket.bucket)
    return {"api": api, "data": data}
