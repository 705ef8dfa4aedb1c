"""AWS WAF (v2) web ACLs: regional ones per region, CloudFront ones from us-east-1."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

ACL = "AWS::WAFv2::WebACL"


def _rule(rule: dict[str, Any]) -> dict[str, Any]:
    managed = (rule.get("Statement") or {}).get("ManagedRuleGroupStatement")
    statement = (
        {"ManagedRuleGroupStatement": {"VendorName": managed.get("VendorName"), "Name": managed.get("Name")}}
        if managed
        else {}
    )
    out = {"Name": rule.get("Name"), "Priority": rule.get("Priority"), "Statement": statement}
    for key in ("Action", "OverrideAction"):
        if isinstance(rule.get(key), dict):
            out[key] = {k: {} for k in rule[key]}  # Count / None / Block...: only which one
    return out


def _list_acls(api: ApiReader, scope: str, region: str) -> list[dict[str, Any]]:
    """list_web_acls has no paginator: follow NextMarker."""
    acls: list[dict[str, Any]] = []
    marker: str | None = None
    while True:
        params: dict[str, Any] = {"Scope": scope, "Limit": 100}
        if marker:
            params["NextMarker"] = marker
        got = api.call("list_web_acls", region=region, **params, affects=(ACL,)) or {}
        acls += got.get("WebACLs", [])
        marker = got.get("NextMarker")
        if not marker or not got.get("WebACLs"):
            return acls


def _logging(api: ApiReader, arn: str, region: str) -> Any:
    """The ACL's logging destinations (None when it has no logging configuration; unknown when unreadable)."""
    try:
        got = api.call(
            "get_logging_configuration",
            ResourceArn=arn,
            region=region,
            absent=("WAFNonexistentItemException",),
            resource_id=arn,
            affects=(ACL,),
        )
    except CallFailed as failed:
        return failed.unresolved
    if not got:
        return None
    return {"LogDestinationConfigs": (got.get("LoggingConfiguration") or {}).get("LogDestinationConfigs", [])}


class WafCollector(Collector):
    """Web ACLs with their rules (managed rule groups named) and logging destinations."""

    name = "waf"
    service = "wafv2"
    resource_types = (ACL,)
    permissions = ("wafv2:ListWebACLs", "wafv2:GetWebACL", "wafv2:GetLoggingConfiguration")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """REGIONAL in every region; CLOUDFRONT only in the first (it lives in us-east-1)."""
        scopes = ["REGIONAL"] + (["CLOUDFRONT"] if api.region == api.scope_regions[0] else [])
        for scope in scopes:
            region = "us-east-1" if scope == "CLOUDFRONT" else api.region
            for acl in _list_acls(api, scope, region):
                try:
                    got = (
                        api.call(
                            "get_web_acl",
                            Name=acl["Name"],
                            Id=acl["Id"],
                            Scope=scope,
                            region=region,
                            resource_id=acl["ARN"],
                            affects=(ACL,),
                        )
                        or {}
                    ).get("WebACL", {})
                    rules: Any = [_rule(r) for r in got.get("Rules", [])]
                except CallFailed as failed:
                    rules = failed.unresolved
                yield Resource(
                    type=ACL,
                    id=acl["Id"],
                    arn=acl["ARN"],
                    origin=live(api, region),
                    properties={
                        "Name": acl["Name"],
                        "Scope": scope,
                        "Rules": rules,
                        "LoggingConfiguration": _logging(api, acl["ARN"], region),
                    },
                )
