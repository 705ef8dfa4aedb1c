"""MemoryDB clusters in one region."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource, Unresolved

CLUSTER = "AWS::MemoryDB::Cluster"


class MemoryDbCollector(Collector):
    """Clusters with their TLS setting (one paginated call)."""

    name = "memorydb"
    service = "memorydb"
    resource_types = (CLUSTER,)
    permissions = ("memorydb:DescribeClusters",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """DescribeClusters carries everything needed."""
        origin = live(api, api.region)
        for cluster in api.pages("describe_clusters", "Clusters", affects=(CLUSTER,)):
            tls = cluster.get("TLSEnabled", Unresolved("TLSEnabled was not in the DescribeClusters answer"))
            yield Resource(
                type=CLUSTER,
                id=cluster["Name"],
                arn=cluster.get("ARN"),
                origin=origin,
                properties={
                    "ClusterName": cluster["Name"],
                    "TLSEnabled": tls,
                    "KmsKeyId": cluster.get("KmsKeyId"),
                },
            )
