"""Django email backend that sends through Amazon SES (production)."""
from __future__ import annotations

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs):
        super().__init__(fail_silently=fail_silently, **kwargs)
        import boto3

        self.client = boto3.client("ses", region_name=settings.DYNAMODB["region"])

    def send_messages(self, email_messages) -> int:
        sent = 0
        for message in email_messages:
            try:
                self.client.send_raw_email(Source=message.from_email, Destinations=message.recipients(),
                                           RawMessage={"Data": message.message().as_bytes()})
                sent += 1
            except Exception:
                if not self.fail_silently:
                    raise
        return sent
