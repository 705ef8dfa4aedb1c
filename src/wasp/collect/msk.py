"""Amazon MSK provisioned clusters in one region (serverless clusters always use TLS and IAM, and have no
brokers of their own to expose or log)."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource, Unresolved

CLUSTER = "AWS::MSK::Cluster"


class MskCollector(Collector):
    """Provisioned clusters with in-transit encryption, broker log delivery and public access."""

    name = "msk"
    service = "kafka"
    resource_types = (CLUSTER,)
    permissions = ("kafka:ListClustersV2",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """ListClustersV2 carries the provisioned settings the rules read."""
        origin = live(api, api.region)
        for info in api.pages("list_clusters_v2", "ClusterInfoList", affects=(CLUSTER,)):
            if info.get("ClusterType") != "PROVISIONED":
                continue
            provisioned = info.get("Provisioned") or {}
            brokers = provisioned.get(
                "BrokerNodeGroupInfo", Unresolved("BrokerNodeGroupInfo was not in the ListClustersV2 answer")
            )
            yield Resource(
                type=CLUSTER,
                id=info["ClusterName"],
                arn=info.get("ClusterArn"),
                origin=origin,
                properties={
                    "ClusterName": info["ClusterName"],
                    "EncryptionInfo": provisioned.get("EncryptionInfo")
                    or {},  # absent: TLS and in-cluster on
                    "LoggingInfo": provisioned.get("LoggingInfo") or {},  # absent: no broker logs delivered
                    "BrokerNodeGroupInfo": brokers,
                    "ClientAuthentication": provisioned.get("ClientAuthentication") or {},  # absent: none
                },
            )
