"""CloudFront distributions (global): viewer protocol, minimum TLS, web ACL."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource

DIST = "AWS::CloudFront::Distribution"


class CloudFrontCollector(Collector):
    """Distributions from the list call alone (it carries the settings that matter)."""

    name = "cloudfront"
    service = "cloudfront"
    resource_types = (DIST,)
    is_global = True
    permissions = ("cloudfront:ListDistributions",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One paginated call."""
        result = api.call("list_distributions", region="us-east-1") or {}
        for d in (result.get("DistributionList") or {}).get("Items", []) or []:
            behaviours = [
                (b.get("ViewerProtocolPolicy")) for b in ((d.get("CacheBehaviors") or {}).get("Items") or [])
            ]
            yield Resource(
                type=DIST,
                id=d["Id"],
                arn=d.get("ARN"),
                origin=live(api, None),
                properties={
                    "DistributionConfig": {
                        "Enabled": bool(d.get("Enabled")),
                        "DefaultCacheBehavior": {
                            "ViewerProtocolPolicy": (d.get("DefaultCacheBehavior") or {}).get(
                                "ViewerProtocolPolicy"
                            )
                        },
                        "CacheBehaviors": [{"ViewerProtocolPolicy": v} for v in behaviours],
                        "ViewerCertificate": {
                            "MinimumProtocolVersion": (d.get("ViewerCertificate") or {}).get(
                                "MinimumProtocolVersion"
                            ),
                            "CloudFrontDefaultCertificate": bool(
                                (d.get("ViewerCertificate") or {}).get("CloudFrontDefaultCertificate")
                            ),
                        },
                        "WebACLId": d.get("WebACLId") or None,
                    }
                },
            )
