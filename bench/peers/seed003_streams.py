"""The seed 003 design, for comparison only: an atomic DynamoDB counter per
topic and one S3 object per message (`topics/{topic}/{offset}.json`);
consume reads the counter, then GETs one object per offset."""
from __future__ import annotations

import json


class SeedStreams:
    def __init__(self, dynamodb, s3, table: str, bucket: str):
        self.dynamodb, self.s3, self.table, self.bucket = dynamodb, s3, table, bucket
        self.calls = {"dynamodb": 0, "s3": 0}

    def produce(self, topic: str, payload) -> int:
        self.calls["dynamodb"] += 1
        result = self.dynamodb.update_item(
            TableName=self.table, Key={"topic": {"S": topic}}, UpdateExpression="ADD latest_offset :one",
            ExpressionAttributeValues={":one": {"N": "1"}}, ReturnValues="UPDATED_NEW")
        offset = int(result["Attributes"]["latest_offset"]["N"])
        self.calls["s3"] += 1  # a failure here loses the offset: the seed's gap
        self.s3.put_object(Bucket=self.bucket, Key=f"topics/{topic}/{offset}.json", Body=json.dumps(payload))
        return offset

    def consume(self, topic: str, offset: int, limit: int) -> list:
        self.calls["dynamodb"] += 1
        item = self.dynamodb.get_item(TableName=self.table, Key={"topic": {"S": topic}}).get("Item")
        latest = int(item["latest_offset"]["N"]) if item else 0
        out = []
        for n in range(offset, min(latest, offset + limit - 1) + 1):
            self.calls["s3"] += 1
            body = self.s3.get_object(Bucket=self.bucket, Key=f"topics/{topic}/{n}.json")["Body"].read()
            out.append((n, json.loads(body)))
        return out
