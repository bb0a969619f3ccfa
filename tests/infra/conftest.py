"""Both infrastructure programs, run once per test session per environment."""
import functools

import pytest

from tests.infra import cdk_harness, normalize, pulumi_harness


@functools.lru_cache(maxsize=None)
def pulumi_run(environment: str):
    return pulumi_harness.run_program(environment)


@functools.lru_cache(maxsize=None)
def cdk_run(environment: str):
    return cdk_harness.synth(environment)


def model(program: str, environment: str) -> dict:
    if program == "pulumi":
        resources, retained, taggable = pulumi_run(environment)
        return normalize.from_pulumi(resources, retained, taggable)
    template, taggable = cdk_run(environment)
    return normalize.from_cdk(template, taggable)


@pytest.fixture(params=["pulumi", "cdk"])
def program(request):
    return request.param


@pytest.fixture(params=["dev", "prod"])
def environment(request):
    return request.param


@pytest.fixture
def infra_model(program, environment):
    return model(program, environment)
