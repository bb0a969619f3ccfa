"""Both infrastructure programs reduced to one neutral model, so the seed 004
rules and the parity test read them the same way. Each walks *every*
resource of a type, so a new resource that breaks a rule is caught."""
from __future__ import annotations

import json

DATA_SERVICES = ("dynamodb", "s3", "sqs", "sns", "ses")


def _empty() -> dict:
    return {"tables": {}, "functions": {}, "queues": {}, "schedules": [], "alarms": {}, "event_sources": [],
            "budget_thresholds": [], "tagged": {}, "untagged_types": set(), "iam_actions": [],
            "bucket": {}}


# --- Pulumi (resources recorded under mocks) ---------------------------------------------


def from_pulumi(resources: list[tuple[str, str, dict]], retained: set[str], taggable: set[str]) -> dict:
    model = _empty()
    queue_names = {name: inputs.get("name") for typ, name, inputs in resources if typ == "aws:sqs/queue:Queue"}
    function_names = {name: inputs.get("name") for typ, name, inputs in resources
                      if typ == "aws:lambda/function:Function"}

    def by_arn(arn: str, names: dict) -> str | None:
        return names.get(arn.rsplit("/", 1)[-1]) if isinstance(arn, str) else None

    for typ, name, inputs in resources:
        if typ in taggable:
            model["tagged"][f"{typ}/{name}"] = inputs.get("tags") or {}
        if typ == "aws:dynamodb/table:Table":
            model["tables"][inputs["name"]] = {
                "hash": inputs.get("hashKey"), "range": inputs.get("rangeKey"),
                "gsis": {g["name"]: tuple(k["attributeName"] for k in g["keySchemas"])
                         for g in inputs.get("globalSecondaryIndexes") or []},
                "ttl": (inputs.get("ttl") or {}).get("attributeName"),
                "pitr": bool((inputs.get("pointInTimeRecovery") or {}).get("enabled")),
                "deletion_protection": bool(inputs.get("deletionProtectionEnabled")),
                "billing": inputs.get("billingMode"), "retain": name in retained,
            }
        elif typ == "aws:lambda/function:Function":
            model["functions"][inputs["name"]] = {
                "memory": int(inputs.get("memorySize") or 0), "timeout": int(inputs.get("timeout") or 0),
                "concurrency": int(inputs["reservedConcurrentExecutions"])
                if inputs.get("reservedConcurrentExecutions") is not None else None,
                "arch": (inputs.get("architectures") or [None])[0],
                "dlq": by_arn((inputs.get("deadLetterConfig") or {}).get("targetArn"), queue_names),
                "command": ((inputs.get("imageConfig") or {}).get("commands") or [None])[0],
            }
        elif typ == "aws:sqs/queue:Queue":
            redrive = json.loads(inputs["redrivePolicy"]) if inputs.get("redrivePolicy") else {}
            model["queues"][inputs["name"]] = {
                "dlq": by_arn(redrive.get("deadLetterTargetArn"), queue_names),
                "max_receive": int(redrive["maxReceiveCount"]) if redrive else None,
                "visibility": int(inputs.get("visibilityTimeoutSeconds") or 30),
            }
        elif typ == "aws:cloudwatch/eventRule:EventRule":
            model["schedules"].append(inputs.get("scheduleExpression"))
        elif typ == "aws:cloudwatch/metricAlarm:MetricAlarm":
            model["alarms"][inputs["name"]] = (inputs["namespace"], inputs["metricName"])
        elif typ == "aws:lambda/eventSourceMapping:EventSourceMapping":
            model["event_sources"].append((by_arn(inputs["eventSourceArn"], queue_names),
                                           by_arn(inputs["functionName"], function_names),
                                           "ReportBatchItemFailures" in (inputs.get("functionResponseTypes") or [])))
        elif typ == "aws:budgets/budget:Budget":
            model["budget_thresholds"] += sorted(int(n["threshold"]) for n in inputs.get("notifications") or [])
        elif typ == "aws:iam/rolePolicy:RolePolicy":
            for statement in json.loads(inputs["policy"])["Statement"]:
                actions = statement["Action"]
                model["iam_actions"] += actions if isinstance(actions, list) else [actions]
        elif typ == "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration":
            model["bucket"]["expiration_days"] = inputs["rules"][0]["expiration"]["days"]
        elif typ == "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock":
            model["bucket"]["public_access_blocked"] = all(
                inputs.get(k) for k in ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls",
                                        "restrictPublicBuckets"))
        elif typ == "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration":
            model["bucket"]["encrypted"] = bool(inputs.get("rules"))
    return model


# --- CDK (synthesized CloudFormation template) ---------------------------------------------


def _logical(ref) -> str | None:
    if isinstance(ref, dict):
        if "Fn::GetAtt" in ref:
            return ref["Fn::GetAtt"][0]
        if "Ref" in ref:
            return ref["Ref"]
    return None


def from_cdk(template: dict, taggable: set[str]) -> dict:
    model = _empty()
    resources = template["Resources"]
    names = {}
    for logical, resource in resources.items():
        props = resource.get("Properties", {})
        names[logical] = props.get("QueueName") or props.get("FunctionName") or props.get("TableName")
    for logical, resource in resources.items():
        typ, props = resource["Type"], resource.get("Properties", {})
        if typ in taggable:
            model["tagged"][f"{typ}/{logical}"] = {t["Key"]: t["Value"] for t in props.get("Tags", [])} \
                if isinstance(props.get("Tags"), list) else (props.get("Tags") or {})
        if typ == "AWS::DynamoDB::Table":
            keys = {k["KeyType"]: k["AttributeName"] for k in props["KeySchema"]}
            model["tables"][props["TableName"]] = {
                "hash": keys.get("HASH"), "range": keys.get("RANGE"),
                "gsis": {g["IndexName"]: tuple(k["AttributeName"] for k in g["KeySchema"])
                         for g in props.get("GlobalSecondaryIndexes", [])},
                "ttl": (props.get("TimeToLiveSpecification") or {}).get("AttributeName"),
                "pitr": bool((props.get("PointInTimeRecoverySpecification") or {}).get("PointInTimeRecoveryEnabled")),
                "deletion_protection": bool(props.get("DeletionProtectionEnabled")),
                "billing": props.get("BillingMode"), "retain": resource.get("DeletionPolicy") == "Retain",
            }
        elif typ == "AWS::Lambda::Function":
            model["functions"][props["FunctionName"]] = {
                "memory": props.get("MemorySize", 0), "timeout": props.get("Timeout", 0),
                "concurrency": props.get("ReservedConcurrentExecutions"),
                "arch": (props.get("Architectures") or [None])[0],
                "dlq": names.get(_logical((props.get("DeadLetterConfig") or {}).get("TargetArn"))),
                "command": ((props.get("ImageConfig") or {}).get("Command") or [None])[0],
            }
        elif typ == "AWS::SQS::Queue":
            redrive = props.get("RedrivePolicy") or {}
            model["queues"][props["QueueName"]] = {
                "dlq": names.get(_logical(redrive.get("deadLetterTargetArn"))),
                "max_receive": redrive.get("maxReceiveCount"), "visibility": props.get("VisibilityTimeout", 30),
            }
        elif typ == "AWS::Events::Rule":
            model["schedules"].append(props.get("ScheduleExpression"))
        elif typ == "AWS::CloudWatch::Alarm":
            model["alarms"][props["AlarmName"]] = (props["Namespace"], props["MetricName"])
        elif typ == "AWS::Lambda::EventSourceMapping":
            model["event_sources"].append((names.get(_logical(props["EventSourceArn"])),
                                           names.get(_logical(props["FunctionName"])),
                                           "ReportBatchItemFailures" in props.get("FunctionResponseTypes", [])))
        elif typ == "AWS::Budgets::Budget":
            model["budget_thresholds"] += sorted(int(n["Notification"]["Threshold"])
                                                 for n in props.get("NotificationsWithSubscribers", []))
        elif typ == "AWS::IAM::Policy":
            for statement in props["PolicyDocument"]["Statement"]:
                actions = statement["Action"]
                model["iam_actions"] += actions if isinstance(actions, list) else [actions]
        elif typ == "AWS::S3::Bucket":
            model["bucket"]["expiration_days"] = props["LifecycleConfiguration"]["Rules"][0]["ExpirationInDays"]
            block = props.get("PublicAccessBlockConfiguration", {})
            model["bucket"]["public_access_blocked"] = all(
                block.get(k) for k in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                                       "RestrictPublicBuckets"))
            model["bucket"]["encrypted"] = bool(props.get("BucketEncryption"))
    return model
