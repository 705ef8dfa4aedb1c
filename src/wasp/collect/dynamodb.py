"""DynamoDB tables in one region with their server-side encryption."""

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
    permissions = ("dynamodb:ListTables", "dynamodb:DescribeTable", "dynamodb:ListTagsOfResource")

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
                properties={"TableName": name, "SSESpecification": spec, "Tags": tags},
            )
