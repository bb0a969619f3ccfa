"""Api: the HTTP API Lambda (Mangum) behind API Gateway (HTTP API, CORS)."""
from __future__ import annotations

import pulumi
import pulumi_aws as aws

from eventsite import infra

from .common import Settings, lambda_function, table_statements

class Api(pulumi.ComponentResource):
    def __init__(self, name: str, settings: Settings, table_arns: dict, bucket: aws.s3.Bucket,
                 notification_queue: aws.sqs.Queue, async_dlq: aws.sqs.Queue,
                 opts: pulumi.ResourceOptions | None = None):
        super().__init__("eventsite:api:Api", name, None, opts)
        env = settings.environment
        child = pulumi.ResourceOptions(parent=self)
        fn = infra.function("api")
        self.function = lambda_function(
            self, settings, fn, async_dlq_arn=async_dlq.arn,
            environment_variables=infra.function_environment(env, fn, queue_url=notification_queue.url,
                                                             bucket=bucket.bucket),
            statements=table_statements(table_arns, fn.tables) + [
                {"Effect": "Allow", "Action": list(infra.S3_PAYLOAD_ACTIONS),
                 "Resource": pulumi.Output.concat(bucket.arn, "/topics/*")},
                {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": notification_queue.arn},
            ])
        self.http_api = aws.apigatewayv2.Api(
            "http-api", name=f"{env.prefix}-api", protocol_type="HTTP", opts=child,
            cors_configuration=aws.apigatewayv2.ApiCorsConfigurationArgs(**infra.CORS))
        integration = aws.apigatewayv2.Integration(
            "lambda-integration", api_id=self.http_api.id, integration_type="AWS_PROXY",
            integration_uri=self.function.invoke_arn, payload_format_version="2.0", opts=child)
        aws.apigatewayv2.Route("default-route", api_id=self.http_api.id, route_key="$default",
                               target=pulumi.Output.concat("integrations/", integration.id), opts=child)
        self.stage = aws.apigatewayv2.Stage("default-stage", api_id=self.http_api.id, name="$default",
                                            auto_deploy=True, opts=child)
        aws.lambda_.Permission("api-invoke", action="lambda:InvokeFunction", function=self.function.name,
                               principal="apigateway.amazonaws.com",
                               source_arn=pulumi.Output.concat(self.http_api.execution_arn, "/*/*"), opts=child)
        self.url = self.http_api.api_endpoint
        self.register_outputs({"url": self.url})
