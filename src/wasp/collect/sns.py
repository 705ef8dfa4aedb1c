"""SNS topics in one region with encryption and access policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import Resource, Unresolved

TOPIC = "AWS::SNS::Topic"
POLICY = "AWS::SNS::TopicPolicy"


class SnsCollector(Collector):
    """Topics (KmsMasterKeyId, Tags) and their policies as AWS::SNS::TopicPolicy."""

    name = "sns"
    service = "sns"
    resource_types = (TOPIC, POLICY)
    permissions = ("sns:ListTopics", "sns:GetTopicAttributes", "sns:ListTagsForResource")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_topics, then get_topic_attributes and list_tags_for_resource per topic."""
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
                properties={"TopicName": name, "KmsMasterKeyId": key, "Tags": _tags(api, arn, name)},
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


def _tags(api: ApiReader, arn: str, name: str) -> Any:
    """The topic's tags (its data classification); a failed read leaves them, and so the class, unknown."""
    try:
        got = api.call("list_tags_for_resource", ResourceArn=arn, resource_id=name, affects=(TOPIC,)) or {}
    except CallFailed as failed:
        return failed.unresolved
    return tags_from(got.get("Tags"))
