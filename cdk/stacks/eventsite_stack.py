"""The eventsite stack, one construct per concern (the Pulumi program's
components): data, streams, notifications, api, calendar, monitoring.
Everything comes from eventsite.infra and the model specs."""
from __future__ import annotations

import json

import aws_cdk as cdk
from aws_cdk import (
    aws_apigatewayv2 as apigw,
    aws_apigatewayv2_integrations as integrations,
    aws_budgets as budgets,
    aws_cloudwatch as cloudwatch,
    aws_cloudwatch_actions as cw_actions,
    aws_dynamodb as dynamodb,
    aws_ecr as ecr,
    aws_events as events,
    aws_events_targets as targets,
    aws_iam as iam,
    aws_lambda as lambda_,
    aws_lambda_event_sources as sources,
    aws_logs as logs,
    aws_s3 as s3,
    aws_sns as sns,
    aws_sns_subscriptions as subscriptions,
    aws_sqs as sqs,
)
from constructs import Construct

from eventsite import infra
from eventsite.dynamo.specs import all_table_specs

KEY_TYPES = {"S": dynamodb.AttributeType.STRING, "N": dynamodb.AttributeType.NUMBER,
             "B": dynamodb.AttributeType.BINARY}
RETENTION = {14: logs.RetentionDays.TWO_WEEKS, 30: logs.RetentionDays.ONE_MONTH, 90: logs.RetentionDays.THREE_MONTHS}
PROJECTIONS = {"ALL": dynamodb.ProjectionType.ALL, "KEYS_ONLY": dynamodb.ProjectionType.KEYS_ONLY,
               "INCLUDE": dynamodb.ProjectionType.INCLUDE}


def _attr(key) -> dynamodb.Attribute:
    return dynamodb.Attribute(name=key.name, type=KEY_TYPES[key.type])


class Data(Construct):
    def __init__(self, scope: Construct, env: infra.Environment):
        super().__init__(scope, "Data")
        self.tables: dict[str, dynamodb.Table] = {}
        for spec in all_table_specs():
            table = dynamodb.Table(
                self, spec.logical_name, table_name=infra.table_name(env, spec.logical_name),
                partition_key=_attr(spec.hash_key), sort_key=_attr(spec.range_key) if spec.range_key else None,
                billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST, time_to_live_attribute=spec.ttl_attribute,
                point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                    point_in_time_recovery_enabled=True),
                deletion_protection=True, encryption=dynamodb.TableEncryption.AWS_MANAGED,
                removal_policy=cdk.RemovalPolicy.RETAIN)
            for index in spec.indexes:
                table.add_global_secondary_index(
                    index_name=index.name, partition_key=_attr(index.hash_key),
                    sort_key=_attr(index.range_key) if index.range_key else None,
                    projection_type=PROJECTIONS[index.projection],
                    non_key_attributes=list(index.non_key_attributes) or None)
            self.tables[spec.logical_name] = table


class Streams(Construct):
    def __init__(self, scope: Construct, env: infra.Environment):
        super().__init__(scope, "Streams")
        self.bucket = s3.Bucket(
            self, "StreamPayloads", bucket_name=infra.bucket_name(env, cdk.Stack.of(self).account),
            encryption=s3.BucketEncryption.S3_MANAGED, block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True, removal_policy=cdk.RemovalPolicy.RETAIN,
            lifecycle_rules=[s3.LifecycleRule(id="expire-stream-payloads", prefix="topics/",
                                              expiration=cdk.Duration.days(infra.STREAM_RETENTION_DAYS))])


class Functions(Construct):
    """Container-image Lambdas with seed 004's rules and least-privilege roles."""

    def __init__(self, scope: Construct, env: infra.Environment, repository: ecr.IRepository, image_tag: str,
                 async_dlq: sqs.IQueue, secret_key: str):
        super().__init__(scope, "Functions")
        self.env, self.repository, self.image_tag, self.async_dlq = env, repository, image_tag, async_dlq
        self.secret_key = secret_key

    def function(self, fn: infra.Function, statements: list[iam.PolicyStatement], variables: dict):
        name = fn.name(self.env)
        role = iam.Role(self, f"{fn.key}-role", role_name=f"{name}-role",
                        assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
                        managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(
                            "service-role/AWSLambdaBasicExecutionRole")])
        for statement in statements:
            role.add_to_policy(statement)
        log_group = logs.LogGroup(self, f"{fn.key}-logs", log_group_name=f"/aws/lambda/{name}",
                                  retention=RETENTION[self.env.log_retention_days],
                                  removal_policy=cdk.RemovalPolicy.DESTROY)
        return lambda_.DockerImageFunction(
            self, fn.key, function_name=name,
            code=lambda_.DockerImageCode.from_ecr(self.repository, tag_or_digest=self.image_tag, cmd=[fn.handler]),
            architecture=lambda_.Architecture.ARM_64, memory_size=fn.memory_mb,
            timeout=cdk.Duration.seconds(fn.timeout_seconds),
            reserved_concurrent_executions=fn.concurrency(self.env), role=role,
            dead_letter_queue_enabled=True, dead_letter_queue=self.async_dlq, log_group=log_group,
            environment={**variables, "DJANGO_SECRET_KEY": self.secret_key})


def table_statement(tables: dict, keys: tuple[str, ...]) -> iam.PolicyStatement:
    arns = [tables[k].table_arn for k in keys]
    return iam.PolicyStatement(actions=list(infra.DYNAMODB_ACTIONS),
                               resources=arns + [f"{arn}/index/*" for arn in arns])


class EventsiteStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, *, environment: infra.Environment, image_tag: str,
                 secret_key: str, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        env = environment
        repository = ecr.Repository(
            self, "ImageRepository", repository_name=f"{env.prefix}-{infra.IMAGE_REPOSITORY}",
            image_scan_on_push=True,
            image_tag_mutability=ecr.TagMutability.IMMUTABLE if env.name == "prod" else ecr.TagMutability.MUTABLE)
        data = Data(self, env)
        streams = Streams(self, env)
        queues: dict[str, sqs.Queue] = {}
        for queue in sorted(infra.QUEUES, key=lambda q: q.dead_letter is not None):
            queues[queue.key] = sqs.Queue(
                self, queue.key, queue_name=queue.name(env), retention_period=cdk.Duration.seconds(
                    queue.retention_seconds), visibility_timeout=cdk.Duration.seconds(infra.visibility_timeout(queue)),
                encryption=sqs.QueueEncryption.SQS_MANAGED,
                dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=infra.MAX_RECEIVE_COUNT,
                                                      queue=queues[queue.dead_letter]) if queue.dead_letter else None)
        functions = Functions(self, env, repository, image_tag, queues[infra.ASYNC_DLQ], secret_key)

        # notifications
        worker_spec = infra.function("notifications-worker")
        notification_queue = queues["notifications"]
        worker = functions.function(worker_spec, [
            table_statement(data.tables, worker_spec.tables),
            iam.PolicyStatement(actions=list(infra.SQS_CONSUME_ACTIONS), resources=[notification_queue.queue_arn]),
            iam.PolicyStatement(actions=list(infra.SES_ACTIONS),
                                resources=[f"arn:aws:ses:{self.region}:{self.account}:identity/*"]),
        ], infra.function_environment(env, worker_spec))
        worker.add_event_source(sources.SqsEventSource(notification_queue, batch_size=10,
                                                       report_batch_item_failures=True))

        # api
        api_spec = infra.function("api")
        api_function = functions.function(api_spec, [
            table_statement(data.tables, api_spec.tables),
            iam.PolicyStatement(actions=list(infra.S3_PAYLOAD_ACTIONS),
                                resources=[streams.bucket.arn_for_objects("topics/*")]),
            iam.PolicyStatement(actions=["sqs:SendMessage"], resources=[notification_queue.queue_arn]),
        ], infra.function_environment(env, api_spec, queue_url=notification_queue.queue_url,
                                      bucket=streams.bucket.bucket_name))
        http_api = apigw.HttpApi(
            self, "HttpApi", api_name=f"{env.prefix}-api",
            default_integration=integrations.HttpLambdaIntegration(
                "LambdaIntegration", api_function, payload_format_version=apigw.PayloadFormatVersion.VERSION_2_0),
            cors_preflight=apigw.CorsPreflightOptions(
                allow_origins=infra.CORS["allow_origins"],
                allow_methods=[apigw.CorsHttpMethod(m) for m in infra.CORS["allow_methods"]],
                allow_headers=infra.CORS["allow_headers"], expose_headers=infra.CORS["expose_headers"],
                max_age=cdk.Duration.seconds(infra.CORS["max_age"])))

        # calendar
        refresh_spec = infra.function("calendar-refresh")
        refresh = functions.function(refresh_spec, [table_statement(data.tables, refresh_spec.tables)],
                                     infra.function_environment(env, refresh_spec))
        events.Rule(self, "DailyRefresh", rule_name=f"{env.prefix}-calendar-refresh",
                    schedule=events.Schedule.expression(infra.REFRESH_SCHEDULE),
                    targets=[targets.LambdaFunction(refresh)])

        # monitoring
        topic = sns.Topic(self, "Alarms", topic_name=f"{env.prefix}-alarms")
        if env.alarm_email:
            topic.add_subscription(subscriptions.EmailSubscription(env.alarm_email))
        for spec in infra.alarm_specs(env):
            dimension_name, dimension_value = spec["dimension"]
            alarm = cloudwatch.Alarm(
                self, spec["name"], alarm_name=spec["name"],
                metric=cloudwatch.Metric(namespace=spec["namespace"], metric_name=spec["metric"],
                                         dimensions_map={dimension_name: dimension_value or http_api.api_id},
                                         statistic="Maximum" if spec["namespace"] == "AWS/SQS" else "Sum",
                                         period=cdk.Duration.minutes(5)),
                threshold=0, evaluation_periods=1,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING)
            alarm.add_alarm_action(cw_actions.SnsAction(topic))
            alarm.add_ok_action(cw_actions.SnsAction(topic))
        cloudwatch.CfnDashboard(self, "Dashboard", dashboard_name=f"{env.prefix}-overview",
                                dashboard_body=cdk.Fn.sub(json.dumps(infra.dashboard_body(env, "${ApiId}", "${AWS::Region}")),
                                                          {"ApiId": http_api.api_id}))
        budgets.CfnBudget(
            self, "MonthlyBudget",
            budget=budgets.CfnBudget.BudgetDataProperty(
                budget_name=f"{env.prefix}-monthly", budget_type="COST", time_unit="MONTHLY",
                budget_limit=budgets.CfnBudget.SpendProperty(amount=env.monthly_budget_usd, unit="USD"),
                cost_filters={"TagKeyValue": [f"user:Project${infra.PROJECT}"]}),
            notifications_with_subscribers=[
                budgets.CfnBudget.NotificationWithSubscribersProperty(
                    notification=budgets.CfnBudget.NotificationProperty(
                        comparison_operator="GREATER_THAN", notification_type="ACTUAL", threshold=t,
                        threshold_type="PERCENTAGE"),
                    subscribers=[budgets.CfnBudget.SubscriberProperty(subscription_type="SNS",
                                                                      address=topic.topic_arn)])
                for t in infra.BUDGET_THRESHOLDS])
        cdk.CfnOutput(self, "ApiUrl", value=http_api.api_endpoint)
        cdk.CfnOutput(self, "ImageRepositoryUri", value=repository.repository_uri)


def build_app(app: cdk.App, *, environment: str, image_tag: str, secret_key: str | None = None) -> EventsiteStack:
    env = infra.ENVIRONMENTS[environment]
    stack = EventsiteStack(app, f"{env.prefix}", environment=env, image_tag=image_tag,
                           secret_key=secret_key or app.node.try_get_context("djangoSecretKey")
                           or f"change-me-{env.name}")
    for key, value in env.tags.items():
        cdk.Tags.of(app).add(key, value)
    return stack
