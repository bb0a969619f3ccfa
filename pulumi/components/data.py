"""DataStore: every DynamoDB table, built from the PynamoDB model specs:
on-demand, point-in-time recovery, deletion protection, retained on delete,
TTL where the model has one."""
from __future__ import annotations

import pulumi
import pulumi_aws as aws

from eventsite import infra
from eventsite.dynamo.specs import all_table_specs

from .common import Settings


class DataStore(pulumi.ComponentResource):
    def __init__(self, name: str, settings: Settings, opts: pulumi.ResourceOptions | None = None):
        super().__init__("eventsite:data:DataStore", name, None, opts)
        self.tables: dict[str, aws.dynamodb.Table] = {}
        for spec in all_table_specs():
            self.tables[spec.logical_name] = aws.dynamodb.Table(
                spec.logical_name,
                name=infra.table_name(settings.environment, spec.logical_name),
                billing_mode="PAY_PER_REQUEST",
                hash_key=spec.hash_key.name,
                range_key=spec.range_key.name if spec.range_key else None,
                attributes=[aws.dynamodb.TableAttributeArgs(name=k.name, type=k.type) for k in spec.key_attributes()],
                global_secondary_indexes=[
                    aws.dynamodb.TableGlobalSecondaryIndexArgs(
                        name=index.name, projection_type=index.projection,
                        non_key_attributes=list(index.non_key_attributes) or None,
                        key_schemas=[aws.dynamodb.TableGlobalSecondaryIndexKeySchemaArgs(
                            attribute_name=index.hash_key.name, key_type="HASH")] + (
                            [aws.dynamodb.TableGlobalSecondaryIndexKeySchemaArgs(
                                attribute_name=index.range_key.name, key_type="RANGE")] if index.range_key else []))
                    for index in spec.indexes
                ] or None,
                ttl=aws.dynamodb.TableTtlArgs(attribute_name=spec.ttl_attribute, enabled=True)
                if spec.ttl_attribute else None,
                point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
                deletion_protection_enabled=True,
                server_side_encryption=aws.dynamodb.TableServerSideEncryptionArgs(enabled=True),
                opts=pulumi.ResourceOptions(parent=self, retain_on_delete=True),
            )
        self.arns = {name: table.arn for name, table in self.tables.items()}
        self.register_outputs({"tables": {n: t.name for n, t in self.tables.items()}})
