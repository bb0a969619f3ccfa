"""Runs the Pulumi program under `pulumi.runtime.set_mocks` and records every
resource it declares (type, name, resolved inputs) — no Pulumi CLI, no AWS."""
from __future__ import annotations

import sys
from pathlib import Path

import pulumi

PULUMI_DIR = Path(__file__).resolve().parents[2] / "pulumi"


class RecordingMocks(pulumi.runtime.Mocks):
    def __init__(self):
        self.resources: list[tuple[str, str, dict]] = []

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        state = dict(args.inputs)
        state.setdefault("arn", f"arn:aws:mock:us-east-1:123456789012:{args.typ}/{args.name}")
        extra = {
            "aws:sqs/queue:Queue": {"url": f"https://sqs.mock/{state.get('name', args.name)}"},
            "aws:ecr/repository:Repository": {"repositoryUrl": "123456789012.dkr.ecr.mock/eventsite"},
            "aws:apigatewayv2/api:Api": {"apiEndpoint": "https://api.mock", "executionArn": "arn:execute-api:mock"},
            "aws:lambda/function:Function": {"invokeArn": "arn:invoke:mock"},
            "aws:s3/bucket:Bucket": {"bucket": state.get("bucket") or args.name},
        }.get(args.typ, {})
        state.update(extra)
        self.resources.append((args.typ, args.name, dict(args.inputs)))
        return [f"{args.name}-id", state]

    def call(self, args: pulumi.runtime.MockCallArgs):
        if args.token == "aws:index/getCallerIdentity:getCallerIdentity":
            return {"accountId": "123456789012", "arn": "arn:aws:iam::123456789012:user/mock", "userId": "mock"}
        if args.token == "aws:index/getRegion:getRegion":
            return {"name": "us-east-1", "region": "us-east-1", "id": "us-east-1"}
        return {}


def run_program(environment: str):
    """Returns (resources, names retained on delete, taggable resource types)."""
    mocks = RecordingMocks()
    pulumi.runtime.set_mocks(mocks, project="eventsite", stack=environment, preview=False)
    pulumi.runtime.set_all_config({"eventsite:environment": environment, "eventsite:imageTag": "test"})
    sys.path.insert(0, str(PULUMI_DIR))
    from components.common import _taggable
    from components.stack import build

    retained, taggable = set(), set()

    def observe(args: pulumi.ResourceTransformationArgs):
        if args.opts is not None and args.opts.retain_on_delete:
            retained.add(args.name)
        if args.type_.startswith("aws:") and _taggable(type(args.resource)):
            taggable.add(args.type_)
        return None

    @pulumi.runtime.test
    def program():
        pulumi.runtime.register_stack_transformation(observe)
        return build()["api"].url

    program()
    return mocks.resources, retained, taggable
