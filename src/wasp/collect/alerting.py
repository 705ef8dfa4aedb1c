"""Alerting in one region: EventBridge rules with targets, CloudWatch Logs metric filters and alarms."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

RULE = "AWS::Events::Rule"
FILTER = "AWS::Logs::MetricFilter"
ALARM = "AWS::CloudWatch::Alarm"


class AlertingCollector(Collector):
    """What would raise an alarm about security-relevant changes."""

    name = "alerting"
    service = "events"
    resource_types = (RULE, FILTER, ALARM)
    permissions = (
        "events:ListRules",
        "events:ListTargetsByRule",
        "logs:DescribeMetricFilters",
        "cloudwatch:DescribeAlarms",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Rules (targets only for rules with a pattern), filters and metric alarms."""
        origin = live(api, api.region)
        rules = (api.call("list_rules", affects=(RULE,)) or {}).get("Rules", [])
        for r in rules:
            pattern: Any = None
            if r.get("EventPattern"):
                try:
                    pattern = json.loads(r["EventPattern"])
                except ValueError:
                    pattern = r["EventPattern"]
            targets: Any = []
            if pattern is not None:
                try:
                    got = (
                        api.call(
                            "list_targets_by_rule", Rule=r["Name"], resource_id=r["Name"], affects=(RULE,)
                        )
                        or {}
                    )
                    targets = [{"Id": t.get("Id"), "Arn": t.get("Arn")} for t in got.get("Targets", [])]
                except CallFailed as failed:
                    targets = failed.unresolved
            yield Resource(
                type=RULE,
                id=r["Name"],
                arn=r.get("Arn"),
                origin=origin,
                properties={
                    "Name": r["Name"],
                    "State": r.get("State"),
                    "EventPattern": pattern,
                    "Targets": targets,
                },
            )
        for f in api.pages("describe_metric_filters", "metricFilters", service="logs", affects=(FILTER,)):
            yield Resource(
                type=FILTER,
                id=f"{f.get('logGroupName')}/{f['filterName']}",
                origin=origin,
                properties={
                    "FilterName": f["filterName"],
                    "LogGroupName": f.get("logGroupName"),
                    "FilterPattern": f.get("filterPattern", ""),
                    "MetricTransformations": [
                        {"MetricName": m.get("metricName"), "MetricNamespace": m.get("metricNamespace")}
                        for m in f.get("metricTransformations", [])
                    ],
                },
            )
        for a in api.pages("describe_alarms", "MetricAlarms", service="cloudwatch", affects=(ALARM,)):
            yield Resource(
                type=ALARM,
                id=a["AlarmName"],
                arn=a.get("AlarmArn"),
                origin=origin,
                properties={
                    "AlarmName": a["AlarmName"],
                    "MetricName": a.get("MetricName"),
                    "Namespace": a.get("Namespace"),
                    "AlarmActions": a.get("AlarmActions", []),
                    "ActionsEnabled": bool(a.get("ActionsEnabled", True)),
                },
            )
