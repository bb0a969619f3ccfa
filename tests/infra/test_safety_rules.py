"""Seed 004's mandatory rules, checked on every Lambda, queue and table of
both programs (Pulumi under mocks, CDK synthesized), for dev and prod."""
from eventsite import infra
from eventsite.dynamo.specs import all_table_specs


def test_every_table_is_on_demand_with_pitr_deletion_protection_and_retained(infra_model):
    assert len(infra_model["tables"]) == len(all_table_specs())
    for name, table in infra_model["tables"].items():
        assert table["billing"] == "PAY_PER_REQUEST", name
        assert table["pitr"] and table["deletion_protection"] and table["retain"], name


def test_tables_match_the_model_specs(infra_model, environment):
    env = infra.ENVIRONMENTS[environment]
    for spec in all_table_specs():
        table = infra_model["tables"][infra.table_name(env, spec.logical_name)]
        assert (table["hash"], table["range"]) == (spec.hash_key.name, spec.range_key.name if spec.range_key else None)
        assert table["ttl"] == spec.ttl_attribute
        assert table["gsis"] == {i.name: tuple(k.name for k in (i.hash_key, i.range_key) if k) for i in spec.indexes}


def test_every_lambda_has_concurrency_timeout_memory_dlq_and_arm64(infra_model):
    assert len(infra_model["functions"]) == len(infra.FUNCTIONS)
    for name, fn in infra_model["functions"].items():
        assert fn["concurrency"] and fn["concurrency"] > 0, name
        assert fn["timeout"] > 0 and fn["memory"] >= 128, name
        assert fn["dlq"] is not None, name
        assert fn["arch"] == "arm64", name
        assert fn["command"], name


def test_every_consumed_queue_has_a_dlq_and_long_enough_visibility(infra_model):
    consumers = {queue: fn for queue, fn, _ in infra_model["event_sources"]}
    dead_letter_targets = {q["dlq"] for q in infra_model["queues"].values()} | \
        {f["dlq"] for f in infra_model["functions"].values()}
    for name, queue in infra_model["queues"].items():
        if name in dead_letter_targets:
            continue  # a dead-letter queue is where messages end; it has no DLQ of its own
        assert queue["dlq"] is not None and queue["max_receive"] <= 5, name
        consumer = infra_model["functions"][consumers[name]]
        assert queue["visibility"] >= 6 * consumer["timeout"], name


def test_queue_consumers_report_partial_batch_failures(infra_model):
    assert infra_model["event_sources"]
    assert all(report for _, _, report in infra_model["event_sources"])


def test_every_taggable_resource_has_project_environment_cost_center(infra_model, environment):
    assert infra_model["tagged"]
    expected = infra.ENVIRONMENTS[environment].tags
    for resource, tags in infra_model["tagged"].items():
        assert {k: tags.get(k) for k in expected} == expected, resource


def test_iam_has_no_wildcard_actions(infra_model):
    assert infra_model["iam_actions"]
    for action in infra_model["iam_actions"]:
        assert action != "*" and not action.endswith(":*") and "*" not in action, action


def test_alarms_cover_errors_throttles_dlq_depth_and_api_5xx(infra_model, environment):
    env = infra.ENVIRONMENTS[environment]
    alarms = infra_model["alarms"]
    for fn in infra.FUNCTIONS:
        assert alarms[f"{fn.name(env)}-errors"] == ("AWS/Lambda", "Errors")
        assert alarms[f"{fn.name(env)}-throttles"] == ("AWS/Lambda", "Throttles")
    for queue in infra_model["queues"]:
        if queue.endswith("dlq"):
            assert alarms[f"{queue}-depth"] == ("AWS/SQS", "ApproximateNumberOfMessagesVisible")
    assert alarms[f"{env.prefix}-api-5xx"] == ("AWS/ApiGateway", "5xx")


def test_budget_warns_at_50_80_100_percent(infra_model):
    assert infra_model["budget_thresholds"] == [50, 80, 100]


def test_daily_calendar_refresh_schedule(infra_model):
    assert infra_model["schedules"] == [infra.REFRESH_SCHEDULE]


def test_stream_bucket_is_private_encrypted_and_expires_after_30_days(infra_model):
    assert infra_model["bucket"] == {"expiration_days": 30, "public_access_blocked": True, "encrypted": True}
