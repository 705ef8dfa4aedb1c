"""DynamoDB tables in one region with their server-side encryption and point-in-time recovery."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import Resource, Unresolved

TABLE = "AWS::DynamoDB::Table"


class DynamoDbCollector(Collector):
    """Tables: SSE type (AWS-owned, AWS-managed KMS or customer KMS) and tags."""

    name = "dynamodb"
    service = "dynamodb"
    resource_types = (TABLE,)
    permissions = (
        "dynamodb:ListTables",
        "dynamodb:DescribeTable",
        "dynamodb:DescribeContinuousBackups",
        "dynamodb:ListTagsOfResource",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_tables, then describe and tags per table."""
        for name in api.pages("list_tables", "TableNames", affects=(TABLE,)):
            try:
                table = (
                    api.call("describe_table", TableName=name, resource_id=name, affects=(TABLE,)) or {}
                ).get("Table", {})
            except CallFailed as failed:
                yield Resource(
                    type=TABLE,
                    id=name,
                    origin=live(api, api.region),
                    properties={
                        "TableName": name,
                        "SSESpecification": failed.unresolved,
                        "PointInTimeRecoverySpecification": failed.unresolved,
                        "Tags": failed.unresolved,
                    },
                )
                continue
            sse = table.get("SSEDescription") or {}
            arn = table.get("TableArn")
            try:
                tags: object = tags_from(
                    (
                        api.call("list_tags_of_resource", ResourceArn=arn, resource_id=name, affects=(TABLE,))
                        or {}
                    ).get("Tags")
                )
            except CallFailed as failed:
                tags = failed.unresolved
            pitr: object
            try:
                backups = (
                    api.call(
                        "describe_continuous_backups", TableName=name, resource_id=name, affects=(TABLE,)
                    )
                    or {}
                ).get("ContinuousBackupsDescription", {})
                status = (backups.get("PointInTimeRecoveryDescription") or {}).get(
                    "PointInTimeRecoveryStatus"
                )
                pitr = {"PointInTimeRecoveryEnabled": status == "ENABLED"}
            except CallFailed as failed:
                pitr = failed.unresolved
            spec: dict[str, object] | Unresolved = {
                "SSEEnabled": sse.get("Status") == "ENABLED",
                "SSEType": sse.get("SSEType"),
                "KMSMasterKeyId": sse.get("KMSMasterKeyArn"),
            }
            yield Resource(
                type=TABLE,
                id=name,
                arn=arn,
                origin=live(api, api.region),
                properties={
                    "TableName": name,
                    "SSESpecification": spec,
                    "PointInTimeRecoverySpecification": pitr,
                    "Tags": tags,
                },
            )
