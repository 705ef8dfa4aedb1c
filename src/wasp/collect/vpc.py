"""Networks in one region: VPCs, subnets (public or private by their routes), NACLs, endpoints, flow logs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live, tags_from
from wasp.model import SUPPLEMENTARY, Resource

VPC = "AWS::EC2::VPC"
SUBNET = "AWS::EC2::Subnet"
NACL = "AWS::EC2::NetworkAcl"
ENDPOINT = "AWS::EC2::VPCEndpoint"
FLOW_LOG = "AWS::EC2::FlowLog"


def _public_subnets(tables: list[dict[str, Any]], subnets: list[dict[str, Any]]) -> set[str]:
    """Subnets whose route table (explicit, or the VPC's main one) sends 0.0.0.0/0 to an internet gateway."""
    main: dict[str, bool] = {}
    explicit: dict[str, bool] = {}
    for table in tables:
        to_igw = any(
            str(r.get("GatewayId", "")).startswith("igw-")
            and (r.get("DestinationCidrBlock") == "0.0.0.0/0" or r.get("DestinationIpv6CidrBlock") == "::/0")
            for r in table.get("Routes", [])
        )
        for assoc in table.get("Associations", []):
            if assoc.get("Main"):
                main[table["VpcId"]] = to_igw
            elif assoc.get("SubnetId"):
                explicit[assoc["SubnetId"]] = to_igw
    return {s["SubnetId"] for s in subnets if explicit.get(s["SubnetId"], main.get(s["VpcId"], False))}


class VpcCollector(Collector):
    """Network layout and its protections."""

    name = "vpc"
    service = "ec2"
    resource_types = (VPC, SUBNET, NACL, ENDPOINT, FLOW_LOG)
    permissions = (
        "ec2:DescribeVpcs",
        "ec2:DescribeSubnets",
        "ec2:DescribeRouteTables",
        "ec2:DescribeNetworkAcls",
        "ec2:DescribeVpcEndpoints",
        "ec2:DescribeFlowLogs",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Six paginated describes, no per-resource calls."""
        origin = live(api, api.region)
        arn = f"arn:aws:ec2:{api.region}:{api.account}"
        vpcs = api.pages("describe_vpcs", "Vpcs", affects=(VPC,))
        subnets = api.pages("describe_subnets", "Subnets", affects=(SUBNET,))
        public = _public_subnets(
            api.pages("describe_route_tables", "RouteTables", affects=(SUBNET,)), subnets
        )
        for v in vpcs:
            yield Resource(
                type=VPC,
                id=v["VpcId"],
                arn=f"{arn}:vpc/{v['VpcId']}",
                origin=origin,
                properties={
                    "CidrBlock": v.get("CidrBlock"),
                    "Tags": tags_from(v.get("Tags")),
                    SUPPLEMENTARY: {"IsDefault": bool(v.get("IsDefault"))},
                },
            )
        for s in subnets:
            yield Resource(
                type=SUBNET,
                id=s["SubnetId"],
                arn=f"{arn}:subnet/{s['SubnetId']}",
                origin=origin,
                properties={
                    "VpcId": s["VpcId"],
                    "CidrBlock": s.get("CidrBlock"),
                    "AvailabilityZone": s.get("AvailabilityZone"),
                    "MapPublicIpOnLaunch": bool(s.get("MapPublicIpOnLaunch")),
                    "Tags": tags_from(s.get("Tags")),
                    SUPPLEMENTARY: {"Public": s["SubnetId"] in public},
                },
            )
        for n in api.pages("describe_network_acls", "NetworkAcls", affects=(NACL,)):
            entries = [
                {
                    "RuleNumber": e.get("RuleNumber"),
                    "Protocol": e.get("Protocol"),
                    "RuleAction": e.get("RuleAction"),
                    "Egress": bool(e.get("Egress")),
                    "CidrBlock": e.get("CidrBlock") or e.get("Ipv6CidrBlock"),
                    "PortRange": e.get("PortRange"),
                }
                for e in n.get("Entries", [])
            ]
            yield Resource(
                type=NACL,
                id=n["NetworkAclId"],
                arn=f"{arn}:network-acl/{n['NetworkAclId']}",
                origin=origin,
                properties={
                    "VpcId": n.get("VpcId"),
                    "Tags": tags_from(n.get("Tags")),
                    SUPPLEMENTARY: {
                        "Entries": entries,
                        "IsDefault": bool(n.get("IsDefault")),
                        "Subnets": [a.get("SubnetId") for a in n.get("Associations", [])],
                    },
                },
            )
        for e in api.pages("describe_vpc_endpoints", "VpcEndpoints", affects=(ENDPOINT,)):
            yield Resource(
                type=ENDPOINT,
                id=e["VpcEndpointId"],
                origin=origin,
                arn=f"{arn}:vpc-endpoint/{e['VpcEndpointId']}",
                properties={
                    "VpcId": e.get("VpcId"),
                    "ServiceName": e.get("ServiceName"),
                    "VpcEndpointType": e.get("VpcEndpointType"),
                    "PolicyDocument": e.get("PolicyDocument"),
                },
            )
        for f in api.pages("describe_flow_logs", "FlowLogs", affects=(FLOW_LOG,)):
            yield Resource(
                type=FLOW_LOG,
                id=f["FlowLogId"],
                origin=origin,
                arn=f"{arn}:vpc-flow-log/{f['FlowLogId']}",
                properties={
                    "ResourceId": f.get("ResourceId"),
                    "TrafficType": f.get("TrafficType"),
                    "LogDestinationType": f.get("LogDestinationType"),
                    SUPPLEMENTARY: {"Status": f.get("FlowLogStatus")},
                },
            )
