"""Application and network load balancers in one region: scheme, attributes, listeners, WAF association."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

LB = "AWS::ElasticLoadBalancingV2::LoadBalancer"
LISTENER = "AWS::ElasticLoadBalancingV2::Listener"


class ElbCollector(Collector):
    """Load balancers and their listeners; the web ACL of each internet-facing ALB."""

    name = "elb"
    service = "elbv2"
    resource_types = (LB, LISTENER)
    permissions = (
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        "wafv2:GetWebACLForResource",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One attribute and one listener read per load balancer; one WAF read per internet-facing ALB."""
        origin = live(api, api.region)
        for lb in api.pages("describe_load_balancers", "LoadBalancers", affects=(LB,)):
            arn = lb["LoadBalancerArn"]
            acl: Any = None
            if lb.get("Scheme") == "internet-facing" and lb.get("Type") == "application":
                try:
                    got = (
                        api.call(
                            "get_web_acl_for_resource",
                            service="wafv2",
                            ResourceArn=arn,
                            absent=("WAFNonexistentItemException",),
                            resource_id=arn,
                            affects=(LB,),
                        )
                        or {}
                    )
                    acl = (got.get("WebACL") or {}).get("ARN")
                except CallFailed as failed:
                    acl = failed.unresolved
            try:
                attributes: Any = (
                    api.call(
                        "describe_load_balancer_attributes",
                        LoadBalancerArn=arn,
                        resource_id=arn,
                        affects=(LB,),
                    )
                    or {}
                ).get("Attributes", [])
            except CallFailed as failed:
                attributes = failed.unresolved
            yield Resource(
                type=LB,
                id=lb["LoadBalancerName"],
                arn=arn,
                origin=origin,
                properties={
                    "Name": lb["LoadBalancerName"],
                    "Scheme": lb.get("Scheme"),
                    "Type": lb.get("Type"),
                    "SecurityGroups": lb.get("SecurityGroups", []),
                    "Subnets": [z.get("SubnetId") for z in lb.get("AvailabilityZones", [])],
                    "LoadBalancerAttributes": attributes,
                    SUPPLEMENTARY: {"WebAclArn": acl},
                },
            )
            try:
                listeners = api.pages(
                    "describe_listeners", "Listeners", LoadBalancerArn=arn, affects=(LISTENER,)
                )
            except CallFailed:
                continue
            for li in listeners:
                yield Resource(
                    type=LISTENER,
                    id=li["ListenerArn"].rsplit("/", 1)[-1],
                    arn=li["ListenerArn"],
                    origin=origin,
                    properties={
                        "LoadBalancerArn": arn,
                        "Protocol": li.get("Protocol"),
                        "Port": li.get("Port"),
                        "SslPolicy": li.get("SslPolicy"),
                        "DefaultActions": [
                            {"Type": a.get("Type"), "RedirectConfig": a.get("RedirectConfig")}
                            for a in li.get("DefaultActions", [])
                        ],
                        SUPPLEMENTARY: {
                            "Scheme": lb.get("Scheme"),
                            "LoadBalancerName": lb["LoadBalancerName"],
                        },
                    },
                )
