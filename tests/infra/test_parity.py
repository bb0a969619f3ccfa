"""The Pulumi program and the CDK app declare the same tables, functions,
queues, schedule, alarms and budgets."""
import pytest

from tests.infra.conftest import model

COMPARED = ("tables", "functions", "queues", "schedules", "alarms", "event_sources", "budget_thresholds", "bucket")


@pytest.mark.parametrize("part", COMPARED)
def test_pulumi_and_cdk_declare_the_same(environment, part):
    assert model("pulumi", environment)[part] == model("cdk", environment)[part]


def test_tags_are_the_same_set_of_values(environment):
    def values(m):
        return {tuple(sorted(t.items())) for t in m["tagged"].values()}

    pulumi_tags = {tuple(sorted(t.items())) for t in model("pulumi", environment)["tagged"].values()}
    assert values(model("cdk", environment)) == pulumi_tags
