"""Table specs come from the models; create_tables is idempotent."""
from eventsite.dynamo.connection import dynamodb_client, physical_table_name
from eventsite.dynamo.specs import all_table_specs, table_spec
from eventsite.dynamo.tables import create_tables
from registrations.models import Event


def test_event_spec_derived_from_model():
    spec = table_spec(Event)
    assert spec.logical_name == "Events"
    assert spec.hash_key.name == "eventId" and spec.range_key is None
    assert [i.name for i in spec.indexes] == ["StatusIndex"]
    assert spec.indexes[0].hash_key.name == "status" and spec.indexes[0].range_key.name == "createdAt"


def test_create_tables_is_idempotent_and_builds_indexes(dynamodb_local):
    again = create_tables()
    assert set(again.values()) == {"unchanged"}
    client = dynamodb_client()
    for spec in all_table_specs():
        table = client.describe_table(TableName=physical_table_name(spec.logical_name))["Table"]
        assert {g["IndexName"] for g in table.get("GlobalSecondaryIndexes", [])} == {i.name for i in spec.indexes}
        assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"


def test_create_tables_command_reports_each_table(dynamodb_local, capsys):
    from django.core.management import call_command

    call_command("create_tables")
    out = capsys.readouterr().out
    for spec in all_table_specs():
        assert physical_table_name(spec.logical_name) in out
