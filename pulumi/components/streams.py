"""StreamStorage: the S3 bucket for large stream payloads — encrypted, public
access blocked, TLS only, objects expire after 30 days (the messages' TTL)."""
from __future__ import annotations

import pulumi
import pulumi_aws as aws

from eventsite import infra

from .common import Settings


class StreamStorage(pulumi.ComponentResource):
    def __init__(self, name: str, settings: Settings, account_id: pulumi.Input[str],
                 opts: pulumi.ResourceOptions | None = None):
        super().__init__("eventsite:streams:StreamStorage", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.bucket = aws.s3.Bucket(
            "stream-payloads", bucket=pulumi.Output.from_input(account_id).apply(
                lambda account: infra.bucket_name(settings.environment, account)),
            opts=pulumi.ResourceOptions(parent=self, retain_on_delete=True))
        aws.s3.BucketPublicAccessBlock("stream-payloads-private", bucket=self.bucket.id, block_public_acls=True,
                                       block_public_policy=True, ignore_public_acls=True,
                                       restrict_public_buckets=True, opts=child)
        aws.s3.BucketServerSideEncryptionConfiguration(
            "stream-payloads-encryption", bucket=self.bucket.id, opts=child,
            rules=[aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
                apply_server_side_encryption_by_default=aws.s3.
                BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
                    sse_algorithm="AES256"))])
        aws.s3.BucketLifecycleConfiguration(
            "stream-payloads-retention", bucket=self.bucket.id, opts=child,
            rules=[aws.s3.BucketLifecycleConfigurationRuleArgs(
                id="expire-stream-payloads", status="Enabled",
                filter=aws.s3.BucketLifecycleConfigurationRuleFilterArgs(prefix="topics/"),
                expiration=aws.s3.BucketLifecycleConfigurationRuleExpirationArgs(
                    days=infra.STREAM_RETENTION_DAYS))])
        aws.s3.BucketPolicy("stream-payloads-tls-only", bucket=self.bucket.id, opts=child,
                            policy=self.bucket.arn.apply(lambda arn: pulumi.Output.json_dumps({
                                "Version": "2012-10-17",
                                "Statement": [{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*",
                                               "Resource": [arn, f"{arn}/*"],
                                               "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]})))
        self.register_outputs({"bucket": self.bucket.bucket})
