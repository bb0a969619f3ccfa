"""CalendarRefresh: the feed refresh Lambda on a daily EventBridge schedule."""
from __future__ import annotations

import pulumi
import pulumi_aws as aws

from eventsite import infra

from .common import Settings, lambda_function, table_statements


class CalendarRefresh(pulumi.ComponentResource):
    def __init__(self, name: str, settings: Settings, table_arns: dict, async_dlq: aws.sqs.Queue,
                 opts: pulumi.ResourceOptions | None = None):
        super().__init__("eventsite:calendar:CalendarRefresh", name, None, opts)
        env = settings.environment
        child = pulumi.ResourceOptions(parent=self)
        fn = infra.function("calendar-refresh")
        self.function = lambda_function(
            self, settings, fn, async_dlq_arn=async_dlq.arn,
            environment_variables=infra.function_environment(env, fn),
            statements=table_statements(table_arns, fn.tables))
        rule = aws.cloudwatch.EventRule("daily-refresh", name=f"{env.prefix}-calendar-refresh",
                                        schedule_expression=infra.REFRESH_SCHEDULE, opts=child)
        aws.cloudwatch.EventTarget("daily-refresh-target", rule=rule.name, arn=self.function.arn, opts=child)
        aws.lambda_.Permission("schedule-invoke", action="lambda:InvokeFunction", function=self.function.name,
                               principal="events.amazonaws.com", source_arn=rule.arn, opts=child)
        self.register_outputs({"schedule": rule.schedule_expression})
