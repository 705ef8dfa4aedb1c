"""SQS queues in one region with encryption and access policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

QUEUE = "AWS::SQS::Queue"
POLICY = "AWS::SQS::QueuePolicy"


class SqsCollector(Collector):
    """Queues (KMS or SQS-managed SSE) and their policies as AWS::SQS::QueuePolicy."""

    name = "sqs"
    service = "sqs"
    resource_types = (QUEUE, POLICY)
    permissions = ("sqs:ListQueues", "sqs:GetQueueAttributes")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_queues then get_queue_attributes per queue."""
        for url in api.pages("list_queues", "QueueUrls"):
            name = url.rsplit("/", 1)[-1]
            arn = f"arn:aws:sqs:{api.region}:{api.account}:{name}"
            props: dict[str, Any] = {"QueueName": name}
            try:
                attrs = (
                    api.call("get_queue_attributes", QueueUrl=url, AttributeNames=["All"], resource_id=name)
                    or {}
                ).get("Attributes", {})
                props["KmsMasterKeyId"] = attrs.get("KmsMasterKeyId")
                props["SqsManagedSseEnabled"] = attrs.get("SqsManagedSseEnabled") == "true"
            except CallFailed as failed:
                attrs, props["KmsMasterKeyId"], props["SqsManagedSseEnabled"] = (
                    {},
                    failed.unresolved,
                    failed.unresolved,
                )
            yield Resource(type=QUEUE, id=name, arn=arn, origin=live(api, api.region), properties=props)
            if attrs.get("Policy"):
                yield Resource(
                    type=POLICY,
                    id=name,
                    arn=arn,
                    origin=live(api, api.region),
                    properties={"Queues": [url], "PolicyDocument": json.loads(attrs["Policy"])},
                )
