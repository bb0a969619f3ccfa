"""Shared helpers: stack settings, tags on every taggable resource, and the
container-image Lambda every component uses (seed 004 rules built in)."""
from __future__ import annotations

import inspect
import json
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from eventsite import infra


@dataclass
class Settings:
    environment: infra.Environment
    image_uri: pulumi.Input[str]
    secret_key: pulumi.Input[str]
    alarm_email: str | None


def register_tags(environment: infra.Environment) -> None:
    """Stack transformation: every resource whose type takes `tags` gets
    Project, Environment and CostCenter (a new resource cannot forget them)."""

    def add_tags(args: pulumi.ResourceTransformationArgs):
        if args.type_.startswith("aws:") and _taggable(type(args.resource)):
            props = dict(args.props)
            props["tags"] = {**(props.get("tags") or {}), **environment.tags}
            return pulumi.ResourceTransformationResult(props, args.opts)
        return None

    pulumi.runtime.register_stack_transformation(add_tags)


def _taggable(resource_class) -> bool:
    init = getattr(resource_class, "_internal_init", None)
    return init is not None and "tags" in inspect.signature(init).parameters


def policy(statements: list[dict]) -> pulumi.Output[str]:
    return pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": statements})


def lambda_function(parent: pulumi.Resource, settings: Settings, fn: infra.Function, *,
                    statements: list[dict], async_dlq_arn: pulumi.Input[str],
                    environment_variables: dict) -> aws.lambda_.Function:
    """A container-image Lambda: ARM64, explicit memory/timeout, reserved
    concurrency, async DLQ, its own least-privilege role and log group."""
    env = settings.environment
    name = fn.name(env)
    opts = pulumi.ResourceOptions(parent=parent)
    role = aws.iam.Role(f"{fn.key}-role", name=f"{name}-role", opts=opts, assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                       "Action": "sts:AssumeRole"}]}))
    aws.iam.RolePolicyAttachment(f"{fn.key}-logs", role=role.name, opts=opts,
                                 policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
    aws.iam.RolePolicy(f"{fn.key}-access", role=role.id, opts=opts, policy=policy(
        statements + [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": async_dlq_arn}]))
    aws.cloudwatch.LogGroup(f"{fn.key}-logs", name=f"/aws/lambda/{name}", retention_in_days=env.log_retention_days,
                            opts=opts)
    return aws.lambda_.Function(
        fn.key, name=name, package_type="Image", image_uri=settings.image_uri, architectures=["arm64"],
        image_config=aws.lambda_.FunctionImageConfigArgs(commands=[fn.handler]),
        memory_size=fn.memory_mb, timeout=fn.timeout_seconds,
        reserved_concurrent_executions=fn.concurrency(env), role=role.arn,
        dead_letter_config=aws.lambda_.FunctionDeadLetterConfigArgs(target_arn=async_dlq_arn),
        environment=aws.lambda_.FunctionEnvironmentArgs(
            variables={**environment_variables, "DJANGO_SECRET_KEY": settings.secret_key}),
        opts=opts)


def table_statements(table_arns: dict[str, pulumi.Output[str]], tables: tuple[str, ...]) -> list[dict]:
    arns = [table_arns[t] for t in tables]
    return [{"Effect": "Allow",
             "Action": list(infra.DYNAMODB_ACTIONS),
             "Resource": arns + [pulumi.Output.concat(a, "/index/*") for a in arns]}]
