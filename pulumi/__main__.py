"""Pulumi program of eventsite (the main infrastructure program; cdk/ mirrors it).

`pulumi up` in this folder, with stack `dev` or `prod`. See the README."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the eventsite package
sys.path.insert(0, str(Path(__file__).resolve().parent))

from components.stack import build  # noqa: E402

build()
