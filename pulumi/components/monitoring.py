"""Monitoring: SNS alarm topic; alarms on every function's errors and
throttles, every DLQ's depth > 0 and API 5xx; a dashboard; budgets that warn
at 50/80/100 % of the monthly amount."""
from __future__ import annotations

import json

import pulumi
import pulumi_aws as aws

from eventsite import infra

from .common import Settings


class Monitoring(pulumi.ComponentResource):
    def __init__(self, name: str, settings: Settings, api_id: pulumi.Input[str],
                 opts: pulumi.ResourceOptions | None = None):
        super().__init__("eventsite:monitoring:Monitoring", name, None, opts)
        env = settings.environment
        child = pulumi.ResourceOptions(parent=self)
        self.topic = aws.sns.Topic("alarms", name=f"{env.prefix}-alarms", opts=child)
        if settings.alarm_email:
            aws.sns.TopicSubscription("alarm-email", topic=self.topic.arn, protocol="email",
                                      endpoint=settings.alarm_email, opts=child)
        for spec in infra.alarm_specs(env):
            dimension_name, dimension_value = spec["dimension"]
            aws.cloudwatch.MetricAlarm(
                spec["name"], name=spec["name"], namespace=spec["namespace"], metric_name=spec["metric"],
                dimensions={dimension_name: dimension_value if dimension_value is not None else api_id},
                statistic="Maximum" if spec["namespace"] == "AWS/SQS" else "Sum", period=300,
                evaluation_periods=1, threshold=0, comparison_operator="GreaterThanThreshold",
                treat_missing_data="notBreaching", alarm_actions=[self.topic.arn], ok_actions=[self.topic.arn],
                opts=child)
        aws.cloudwatch.Dashboard("dashboard", dashboard_name=f"{env.prefix}-overview", opts=child,
                                 dashboard_body=pulumi.Output.from_input(api_id).apply(
                                     lambda api: json.dumps(infra.dashboard_body(env, api))))
        aws.budgets.Budget(
            "monthly-budget", name=f"{env.prefix}-monthly", budget_type="COST", time_unit="MONTHLY",
            limit_amount=str(env.monthly_budget_usd), limit_unit="USD", opts=child,
            cost_filters=[aws.budgets.BudgetCostFilterArgs(name="TagKeyValue",
                                                           values=[f"user:Project${infra.PROJECT}"])],
            notifications=[aws.budgets.BudgetNotificationArgs(
                comparison_operator="GREATER_THAN", threshold=t, threshold_type="PERCENTAGE",
                notification_type="ACTUAL", subscriber_sns_topic_arns=[self.topic.arn])
                for t in infra.BUDGET_THRESHOLDS])
        self.register_outputs({"alarm_topic": self.topic.arn})
