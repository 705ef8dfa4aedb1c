"""OpenSearch Service domains in one region (Elasticsearch-engine domains as ``AWS::Elasticsearch::Domain``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource, Unresolved

OPENSEARCH = "AWS::OpenSearchService::Domain"
ELASTICSEARCH = "AWS::Elasticsearch::Domain"
_ALWAYS = (
    "EncryptionAtRestOptions",
    "NodeToNodeEncryptionOptions",
    "DomainEndpointOptions",
    "AdvancedSecurityOptions",
)
"""Settings every DescribeDomains answer carries: one missing stays unknown rather than defaulted."""
_SOMETIMES = ("LogPublishingOptions", "VPCOptions")
"""Left out of the answer when nothing is published / the domain has a public endpoint."""
_BATCH = 5
"""DescribeDomains takes at most five names."""


def domain_properties(status: dict[str, Any]) -> dict[str, Any]:
    """A DescribeDomains status in template shape (the API and CloudFormation share these names)."""
    props: dict[str, Any] = {
        "DomainName": status.get("DomainName"),
        "EngineVersion": status.get("EngineVersion"),
    }
    for key in _ALWAYS:
        props[key] = (
            status[key] if key in status else Unresolved(f"{key} was not in the DescribeDomains answer")
        )
    for key in _SOMETIMES:
        if status.get(key):
            props[key] = status[key]
    return props


class OpenSearchCollector(Collector):
    """Domains with encryption, TLS, logging, fine-grained access control and VPC placement."""

    name = "opensearch"
    service = "opensearch"
    resource_types = (OPENSEARCH, ELASTICSEARCH)
    permissions = ("es:ListDomainNames", "es:DescribeDomains")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One listing, then DescribeDomains five names at a time."""
        origin = live(api, api.region)
        listed = api.call("list_domain_names", affects=self.resource_types) or {}
        names = [d["DomainName"] for d in listed.get("DomainNames", [])]
        for start in range(0, len(names), _BATCH):
            batch = names[start : start + _BATCH]
            described = api.call("describe_domains", DomainNames=batch, affects=self.resource_types) or {}
            for status in described.get("DomainStatusList", []):
                legacy = str(status.get("EngineVersion") or "").startswith("Elasticsearch_")
                yield Resource(
                    type=ELASTICSEARCH if legacy else OPENSEARCH,
                    id=status["DomainName"],
                    arn=status.get("ARN"),
                    origin=origin,
                    properties=domain_properties(status),
                )
