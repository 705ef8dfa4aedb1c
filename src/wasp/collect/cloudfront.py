"""CloudFront distributions (global): viewer protocol, minimum TLS, web ACL, logging and origins, from each
distribution's config."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

DIST = "AWS::CloudFront::Distribution"


def _items(wrapper: Any) -> list[Any]:
    """CloudFront's ``{Quantity, Items}`` lists as plain lists."""
    if isinstance(wrapper, dict):
        return list(wrapper.get("Items") or [])
    return []


def normalize_config(config: dict[str, Any]) -> dict[str, Any]:
    """The API's DistributionConfig in CloudFormation's shape (lists without their Quantity wrappers).

    Only what was returned is kept: a field the API did not send stays absent, and rules treat it as unknown.
    """
    out: dict[str, Any] = {"Enabled": config.get("Enabled")}
    default = config.get("DefaultCacheBehavior")
    if isinstance(default, dict):
        out["DefaultCacheBehavior"] = {"ViewerProtocolPolicy": default.get("ViewerProtocolPolicy")}
    out["CacheBehaviors"] = [
        {"PathPattern": b.get("PathPattern"), "ViewerProtocolPolicy": b.get("ViewerProtocolPolicy")}
        for b in _items(config.get("CacheBehaviors"))
        if isinstance(b, dict)
    ]
    cert = config.get("ViewerCertificate")
    if isinstance(cert, dict):
        out["ViewerCertificate"] = {
            k: cert[k]
            for k in (
                "CloudFrontDefaultCertificate",
                "MinimumProtocolVersion",
                "SSLSupportMethod",
                "ACMCertificateArn",
            )
            if k in cert
        }
    if "WebACLId" in config:
        out["WebACLId"] = config.get("WebACLId") or None
    if isinstance(config.get("Logging"), dict):
        out["Logging"] = {k: config["Logging"].get(k) for k in ("Enabled", "Bucket")}
    if isinstance(default, dict) and default.get("ResponseHeadersPolicyId"):
        out["DefaultCacheBehavior"]["ResponseHeadersPolicyId"] = default["ResponseHeadersPolicyId"]
    if isinstance(config.get("Origins"), dict):
        out["Origins"] = [_origin(o) for o in _items(config.get("Origins")) if isinstance(o, dict)]
    return out


def _origin(origin: dict[str, Any]) -> dict[str, Any]:
    """One origin in CloudFormation's shape: how CloudFront reaches it and whether S3 access is controlled."""
    out: dict[str, Any] = {"Id": origin.get("Id"), "DomainName": origin.get("DomainName")}
    if origin.get("OriginAccessControlId"):
        out["OriginAccessControlId"] = origin["OriginAccessControlId"]
    s3 = origin.get("S3OriginConfig")
    if isinstance(s3, dict):
        out["S3OriginConfig"] = {"OriginAccessIdentity": s3.get("OriginAccessIdentity", "")}
    custom = origin.get("CustomOriginConfig")
    if isinstance(custom, dict):
        out["CustomOriginConfig"] = {
            "OriginProtocolPolicy": custom.get("OriginProtocolPolicy"),
            "OriginSSLProtocols": _items(custom.get("OriginSslProtocols")),
        }
    return out


class CloudFrontCollector(Collector):
    """Distributions listed, then each one's full config (the list summary can omit settings)."""

    name = "cloudfront"
    service = "cloudfront"
    resource_types = (DIST,)
    is_global = True
    permissions = ("cloudfront:ListDistributions", "cloudfront:GetDistributionConfig")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One paginated listing, then one config read per distribution (a failed read leaves it unknown)."""
        marker: str | None = None
        while True:
            params: dict[str, Any] = {"Marker": marker} if marker else {}
            listed = (
                api.call("list_distributions", region="us-east-1", **params, affects=(DIST,)) or {}
            ).get("DistributionList")
            listed = listed if isinstance(listed, dict) else {}
            for summary in listed.get("Items") or []:
                yield self._distribution(api, summary)
            marker = listed.get("NextMarker") if listed.get("IsTruncated") else None
            if not marker:
                return

    def _distribution(self, api: ApiReader, summary: dict[str, Any]) -> Resource:
        dist_id = summary["Id"]
        try:
            got = (
                api.call(
                    "get_distribution_config",
                    region="us-east-1",
                    Id=dist_id,
                    resource_id=dist_id,
                    affects=(DIST,),
                )
                or {}
            )
            config: Any = normalize_config(got.get("DistributionConfig") or {})
        except CallFailed as failed:
            config = failed.unresolved
        return Resource(
            type=DIST,
            id=dist_id,
            arn=summary.get("ARN"),
            origin=live(api, None),
            properties={"DistributionConfig": config},
        )
