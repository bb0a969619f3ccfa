"""Notifications: the notification queue with its DLQ (maxReceiveCount 5,
visibility 6 x the worker's timeout), every function's async DLQ, and the
worker Lambda on the queue with partial batch failure reporting."""
from __future__ import annotations

import pulumi
import pulumi_aws as aws

from eventsite import infra

from .common import Settings, lambda_function, table_statements


class Notifications(pulumi.ComponentResource):
    def __init__(self, name: str, settings: Settings, table_arns: dict, opts: pulumi.ResourceOptions | None = None):
        super().__init__("eventsite:notifications:Notifications", name, None, opts)
        env = settings.environment
        child = pulumi.ResourceOptions(parent=self)
        self.queues: dict[str, aws.sqs.Queue] = {}
        for queue in sorted(infra.QUEUES, key=lambda q: q.dead_letter is not None):  # DLQs first
            redrive = None
            if queue.dead_letter:
                redrive = self.queues[queue.dead_letter].arn.apply(lambda arn: pulumi.Output.json_dumps(
                    {"deadLetterTargetArn": arn, "maxReceiveCount": infra.MAX_RECEIVE_COUNT}))
            self.queues[queue.key] = aws.sqs.Queue(
                queue.key, name=queue.name(env), message_retention_seconds=queue.retention_seconds,
                visibility_timeout_seconds=infra.visibility_timeout(queue), sqs_managed_sse_enabled=True,
                redrive_policy=redrive, opts=child)
        self.async_dlq = self.queues[infra.ASYNC_DLQ]
        worker = infra.function("notifications-worker")
        queue = self.queues["notifications"]
        self.worker = lambda_function(
            self, settings, worker, async_dlq_arn=self.async_dlq.arn,
            environment_variables=infra.function_environment(env, worker),
            statements=table_statements(table_arns, worker.tables) + [
                {"Effect": "Allow", "Action": list(infra.SQS_CONSUME_ACTIONS), "Resource": queue.arn},
                {"Effect": "Allow", "Action": list(infra.SES_ACTIONS),
                 "Resource": pulumi.Output.concat("arn:aws:ses:", aws.get_region_output().region, ":",
                                                  aws.get_caller_identity_output().account_id, ":identity/*")},
            ])
        aws.lambda_.EventSourceMapping(
            "notifications-worker-source", event_source_arn=queue.arn, function_name=self.worker.arn,
            batch_size=10, function_response_types=["ReportBatchItemFailures"], opts=child)
        self.register_outputs({"queue": queue.url})
