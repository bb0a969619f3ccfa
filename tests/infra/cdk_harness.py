"""Synthesizes the CDK app offline (Node + jsii, no AWS, no Docker)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

CDK_DIR = Path(__file__).resolve().parents[2] / "cdk"


def synth(environment: str):
    """Returns (CloudFormation template, taggable CloudFormation types)."""
    os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "1")
    os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
    sys.path.insert(0, str(CDK_DIR))
    import aws_cdk as cdk
    from aws_cdk.assertions import Template
    from stacks.eventsite_stack import build_app

    app = cdk.App()
    stack = build_app(app, environment=environment, image_tag="test")
    template = Template.from_stack(stack).to_json()
    taggable = {node.cfn_resource_type for node in stack.node.find_all()
                if isinstance(node, cdk.CfnResource) and cdk.TagManager.is_taggable(node)}
    return template, taggable
