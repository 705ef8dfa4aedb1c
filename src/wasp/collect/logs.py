"""CloudWatch Logs log groups in one region: key, retention and tags (never the log events)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

LOG_GROUP = "AWS::Logs::LogGroup"


def group_arn(group: dict[str, Any]) -> str:
    """The log group's ARN without the ``:*`` that ``arn`` carries (the form tagging calls take)."""
    arn = str(group.get("logGroupArn") or group.get("arn") or "")
    return arn[:-2] if arn.endswith(":*") else arn


class LogsCollector(Collector):
    """Log groups with their KMS key, retention and tags (tags carry the data classification)."""

    name = "logs"
    service = "logs"
    resource_types = (LOG_GROUP,)
    permissions = ("logs:DescribeLogGroups", "logs:ListTagsForResource")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """describe_log_groups (paginated), then one tag read per group."""
        for g in api.pages("describe_log_groups", "logGroups", affects=(LOG_GROUP,)):
            name = g["logGroupName"]
            arn = group_arn(g)
            tags: Any
            try:
                got = (
                    api.call(
                        "list_tags_for_resource", resourceArn=arn, resource_id=name, affects=(LOG_GROUP,)
                    )
                    or {}
                )
                tags = [{"Key": k, "Value": v} for k, v in sorted((got.get("tags") or {}).items())]
            except CallFailed as failed:
                tags = failed.unresolved
            props: dict[str, Any] = {"LogGroupName": name, "Tags": tags}
            if g.get("kmsKeyId"):
                props["KmsKeyId"] = g["kmsKeyId"]
            if g.get("retentionInDays") is not None:
                props["RetentionInDays"] = g["retentionInDays"]
            if g.get("logGroupClass"):
                props["LogGroupClass"] = g["logGroupClass"]
            yield Resource(type=LOG_GROUP, id=name, arn=arn, origin=live(api, api.region), properties=props)
