"""SNS topics in one region with encryption and access policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource, Unresolved

TOPIC = "AWS::SNS::Topic"
POLICY = "AWS::SNS::TopicPolicy"


class SnsCollector(Collector):
    """Topics (KmsMasterKeyId) and their policies as AWS::SNS::TopicPolicy."""

    name = "sns"
    service = "sns"
    resource_types = (TOPIC, POLICY)
    permissions = ("sns:ListTopics", "sns:GetTopicAttributes")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_topics then get_topic_attributes per topic."""
        for t in api.pages("list_topics", "Topics", affects=(TOPIC, POLICY)):
            arn = t["TopicArn"]
            name = arn.rsplit(":", 1)[-1]
            try:
                attrs: dict[str, Any] = (
                    api.call("get_topic_attributes", TopicArn=arn, resource_id=arn, affects=(TOPIC, POLICY))
                    or {}
                ).get("Attributes", {})
                key: Any = attrs.get("KmsMasterKeyId")
            except CallFailed as failed:
                attrs, key = {}, failed.unresolved
            yield Resource(
                type=TOPIC,
                id=name,
                arn=arn,
                origin=live(api, api.region),
                properties={"TopicName": name, "KmsMasterKeyId": key},
            )
            # a failed read leaves the policy unknown (one may exist, unseen), never absent
            document: Any = key if isinstance(key, Unresolved) else None
            if attrs.get("Policy"):
                document = json.loads(attrs["Policy"])
            if document is not None:
                yield Resource(
                    type=POLICY,
                    id=name,
                    arn=arn,
                    origin=live(api, api.region),
                    properties={"Topics": [arn], "PolicyDocument": document},
                )
