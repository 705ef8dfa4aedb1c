"""Amazon MQ brokers in one region."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource, Unresolved

BROKER = "AWS::AmazonMQ::Broker"
_SETTINGS = ("EngineType", "EngineVersion", "PubliclyAccessible", "AutoMinorVersionUpgrade", "Logs")


class MqCollector(Collector):
    """Brokers with public access, log publishing and minor-version upgrades (one DescribeBroker each)."""

    name = "mq"
    service = "mq"
    resource_types = (BROKER,)
    permissions = ("mq:ListBrokers", "mq:DescribeBroker")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """List, then describe each broker; a failed describe leaves that broker's settings unknown."""
        origin = live(api, api.region)
        for summary in api.pages("list_brokers", "BrokerSummaries", affects=(BROKER,)):
            broker_id = summary["BrokerId"]
            props: dict[str, Any] = {
                "BrokerName": summary.get("BrokerName"),
                "EngineType": summary.get("EngineType"),
            }
            try:
                described = api.call(
                    "describe_broker", resource_id=broker_id, BrokerId=broker_id, affects=(BROKER,)
                )
                found = described or {}
                for key in _SETTINGS:
                    props[key] = (
                        found[key]
                        if key in found
                        else Unresolved(f"{key} was not in the DescribeBroker answer")
                    )
            except CallFailed as failed:
                props.update({k: failed.unresolved for k in _SETTINGS if k != "EngineType"})
            yield Resource(
                type=BROKER, id=broker_id, arn=summary.get("BrokerArn"), origin=origin, properties=props
            )
