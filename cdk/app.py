"""CDK app of eventsite: mirrors the Pulumi program resource for resource.

    npx aws-cdk@2.1148.1 synth  -c environment=dev
    npx aws-cdk@2.1148.1 deploy -c environment=prod -c imageTag=release
"""
import os
import sys
from pathlib import Path

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the eventsite package
sys.path.insert(0, str(Path(__file__).resolve().parent))

import aws_cdk as cdk  # noqa: E402

from stacks.eventsite_stack import build_app  # noqa: E402

if __name__ == "__main__":
    app = cdk.App()
    build_app(app, environment=app.node.try_get_context("environment") or "dev",
              image_tag=app.node.try_get_context("imageTag") or "latest")
    app.synth()
