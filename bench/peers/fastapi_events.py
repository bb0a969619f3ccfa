"""Peer for the cold-start benchmark: the same endpoint (GET /events/{id})
as a minimal FastAPI + Mangum + boto3 Lambda, reading the same table."""
import os

import boto3
from fastapi import FastAPI, HTTPException
from mangum import Mangum

app = FastAPI()
_table = os.environ["PEER_TABLE"]
_client = boto3.client("dynamodb", endpoint_url=os.environ.get("DYNAMODB_ENDPOINT_URL"),
                       region_name=os.environ.get("AWS_REGION", "us-east-1"))


@app.get("/events/{event_id}")
def get_event(event_id: str):
    item = _client.get_item(TableName=_table, Key={"eventId": {"S": event_id}}).get("Item")
    if item is None:
        raise HTTPException(status_code=404, detail="Not found")
    return {k: (int(v["N"]) if "N" in v else v.get("S", v.get("BOOL"))) for k, v in item.items()}


handler = Mangum(app, lifespan="off")
