"""AWS Network Firewall in one region: firewalls with their policy, protections and logging."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

FIREWALL = "AWS::NetworkFirewall::Firewall"


class NetworkFirewallCollector(Collector):
    """Firewalls: policy, VPC, delete protection and which log types are delivered."""

    name = "networkfirewall"
    service = "network-firewall"
    resource_types = (FIREWALL,)
    permissions = (
        "network-firewall:ListFirewalls",
        "network-firewall:DescribeFirewall",
        "network-firewall:DescribeLoggingConfiguration",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_firewalls, then describe and logging per firewall."""
        for fw in api.pages("list_firewalls", "Firewalls", affects=(FIREWALL,)):
            arn = fw["FirewallArn"]
            detail: dict[str, Any] = {}
            try:
                detail = (
                    api.call("describe_firewall", FirewallArn=arn, resource_id=arn, affects=(FIREWALL,)) or {}
                ).get("Firewall", {})
                described: Any = None
            except CallFailed as failed:
                described = failed.unresolved
            try:
                cfg = (
                    api.call(
                        "describe_logging_configuration",
                        FirewallArn=arn,
                        resource_id=arn,
                        affects=(FIREWALL,),
                    )
                    or {}
                ).get("LoggingConfiguration") or {}
                logs: Any = sorted(
                    {d.get("LogType") for d in cfg.get("LogDestinationConfigs", []) if d.get("LogType")}
                )
            except CallFailed as failed:
                logs = failed.unresolved
            yield Resource(
                type=FIREWALL,
                id=fw["FirewallName"],
                arn=arn,
                origin=live(api, api.region),
                properties={
                    "FirewallName": fw["FirewallName"],
                    "FirewallPolicyArn": described or detail.get("FirewallPolicyArn"),
                    "VpcId": described or detail.get("VpcId"),
                    "DeleteProtection": described or bool(detail.get("DeleteProtection")),
                    SUPPLEMENTARY: {"LogTypes": logs},
                },
            )
