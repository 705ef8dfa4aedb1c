"""SQS queues in one region with encryption and access policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource, Unresolved

QUEUE = "AWS::SQS::Queue"
POLICY = "AWS::SQS::QueuePolicy"


class SqsCollector(Collector):
    """Queues (KMS or SQS-managed SSE, Tags) and their policies as AWS::SQS::QueuePolicy."""

    name = "sqs"
    service = "sqs"
    resource_types = (QUEUE, POLICY)
    permissions = ("sqs:ListQueues", "sqs:GetQueueAttributes", "sqs:ListQueueTags")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_queues, then get_queue_attributes and list_queue_tags per queue."""
        for url in api.pages("list_queues", "QueueUrls", affects=(QUEUE, POLICY)):
            name = url.rsplit("/", 1)[-1]
            arn = f"arn:aws:sqs:{api.region}:{api.account}:{name}"
            props: dict[str, Any] = {"QueueName": name}
            unread: Unresolved | None = None
            try:
                attrs = (
                    api.call(
                        "get_queue_attributes",
                        QueueUrl=url,
                        AttributeNames=["All"],
                        resource_id=name,
                        affects=(QUEUE, POLICY),
                    )
                    or {}
                ).get("Attributes", {})
                props["KmsMasterKeyId"] = attrs.get("KmsMasterKeyId")
                props["SqsManagedSseEnabled"] = attrs.get("SqsManagedSseEnabled") == "true"
            except CallFailed as failed:
                attrs, unread = {}, failed.unresolved
                props["KmsMasterKeyId"] = props["SqsManagedSseEnabled"] = unread
            props["Tags"] = _tags(api, url, name)
            yield Resource(type=QUEUE, id=name, arn=arn, origin=live(api, api.region), properties=props)
            # a failed read leaves the policy unknown (one may exist, unseen), never absent
            document: Any = (
                unread
                if unread is not None
                else (json.loads(attrs["Policy"]) if attrs.get("Policy") else None)
            )
            if document is not None:
                yield Resource(
                    type=POLICY,
                    id=name,
                    arn=arn,
                    origin=live(api, api.region),
                    properties={"Queues": [url], "PolicyDocument": document},
                )


def _tags(api: ApiReader, url: str, name: str) -> Any:
    """The queue's tags as [{Key, Value}] (its data classification); a failed read leaves them unknown."""
    try:
        got = api.call("list_queue_tags", QueueUrl=url, resource_id=name, affects=(QUEUE,)) or {}
    except CallFailed as failed:
        return failed.unresolved
    return [{"Key": k, "Value": v} for k, v in sorted((got.get("Tags") or {}).items())]
