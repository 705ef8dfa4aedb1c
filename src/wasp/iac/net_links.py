"""Standalone security group rules and network ACL entries in a template, folded into their owner.

A template can open a group from elsewhere: ``AWS::EC2::SecurityGroupIngress`` / ``SecurityGroupEgress`` with
``GroupId: !Ref WebSG`` (or ``!GetAtt WebSG.GroupId``, or ``GroupName`` in a default VPC). A live account shows
those rules on the group itself, and Terraform's ``aws_security_group_rule`` is folded the same way, so the
reader appends each one to its group's ``SecurityGroupIngress`` / ``SecurityGroupEgress``: the rules then read
one shape from every source. A rule whose group is known only at deploy time stays where it is.

Web ACL associations and logging configurations join the load balancer or stage they protect
(``Supplementary.WebAclArn``, where the live collectors keep it) and the ACL they log (``LoggingConfiguration``).

Hosted zones learn whether an ``AWS::Route53::DNSSEC`` signs them (``Supplementary.DnssecSigning``).

Network ACLs are the same: ``AWS::EC2::NetworkAclEntry`` and ``AWS::EC2::SubnetNetworkAclAssociation`` join
their ACL's ``Supplementary.Entries`` / ``Supplementary.Subnets``, where the live collector keeps them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from wasp.model import SUPPLEMENTARY, Resource, Unresolved

GROUP = "AWS::EC2::SecurityGroup"
STANDALONE = {
    "AWS::EC2::SecurityGroupIngress": "SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress": "SecurityGroupEgress",
}
"""Standalone rule type -> the group property it joins."""
LINKS = ("GroupId", "GroupName")


def fold_security_group_rules(resources: list[Resource]) -> list[Resource]:
    """The resources with every standalone ingress or egress rule appended to its group (same order)."""
    index: dict[str, int] = {}
    for i, r in enumerate(resources):
        if r.type == GROUP:
            index.setdefault(r.id, i)
            name = r.properties.get("GroupName")
            if isinstance(name, str):
                index.setdefault(name, i)
    added: dict[int, dict[str, list[Any]]] = {}
    for r in resources:
        key = STANDALONE.get(r.type)
        if key is None:
            continue
        target = next((r.properties.get(k) for k in LINKS if isinstance(r.properties.get(k), str)), None)
        if target is None or target not in index:
            continue
        entry = {k: v for k, v in r.properties.items() if k not in LINKS}
        added.setdefault(index[target], {}).setdefault(key, []).append(entry)
    out = list(resources)
    for i, more in added.items():
        props = dict(out[i].properties)
        for key, entries in more.items():
            current = props.get(key)
            props[key] = [*(current if isinstance(current, list) else []), *entries]
        out[i] = replace(out[i], properties=props)
    return out


NACL = "AWS::EC2::NetworkAcl"


def _entry(props: dict[str, Any]) -> dict[str, Any]:
    """A template's ACL entry as the live collector lists it (one CIDR, protocol as given)."""
    return {
        "RuleNumber": props.get("RuleNumber"),
        "Protocol": props.get("Protocol"),
        "RuleAction": props.get("RuleAction"),
        "Egress": props.get("Egress", False),
        "CidrBlock": props.get("CidrBlock") or props.get("Ipv6CidrBlock"),
        "PortRange": props.get("PortRange"),
    }


def fold_network_acl_entries(resources: list[Resource]) -> list[Resource]:
    """The resources with every ACL entry and subnet association on its ACL (same order)."""
    index = {r.id: i for i, r in enumerate(resources) if r.type == NACL}
    if not index:
        return resources
    found: dict[int, dict[str, list[Any]]] = {i: {"Entries": [], "Subnets": []} for i in index.values()}
    for r in resources:
        acl = r.properties.get("NetworkAclId")
        if not isinstance(acl, str) or acl not in index:
            continue
        if r.type == "AWS::EC2::NetworkAclEntry":
            found[index[acl]]["Entries"].append(_entry(dict(r.properties)))
        elif r.type == "AWS::EC2::SubnetNetworkAclAssociation":
            found[index[acl]]["Subnets"].append(r.properties.get("SubnetId"))
    out = list(resources)
    for i, facts in found.items():
        out[i] = replace(out[i], properties={**out[i].properties, SUPPLEMENTARY: facts})
    return out


def _stage_of(arn: str) -> tuple[str, str] | None:
    """(rest API, stage name) of a stage ARN ``arn:aws:apigateway:REGION::/restapis/API/stages/STAGE``."""
    parts = arn.split("/restapis/", 1)
    if len(parts) != 2 or "/stages/" not in parts[1]:
        return None
    api, stage = parts[1].split("/stages/", 1)
    return api, stage


_GETATT_ARN = re.compile(r"^Fn::GetAtt (\S+)\.(?:Arn|ApiArn) is known only after deployment$")


def _target(target: Any) -> Any:
    """A ``ResourceArn``: ``!GetAtt X.Arn`` (known only after deployment) as the logical id it names, so an
    AppSync API (or a web ACL named that way) is found as a load balancer is through ``!Ref``."""
    if isinstance(target, Unresolved):
        found = _GETATT_ARN.match(target.reason)
        return found.group(1) if found else None
    return target


def link_web_acls(resources: list[Resource]) -> list[Resource]:
    """Each WAFv2 association on its load balancer or stage, each logging configuration on its ACL."""
    out = list(resources)
    names: dict[tuple[str, str], int] = {}
    stages: dict[tuple[str, str], int] = {}
    for i, r in enumerate(out):
        names[(r.type, r.id)] = i
        if r.type == "AWS::ElasticLoadBalancingV2::LoadBalancer" and isinstance(
            r.properties.get("Name"), str
        ):
            names.setdefault((r.type, r.properties["Name"]), i)
        if r.type == "AWS::ApiGateway::Stage":
            stages[(str(r.properties.get("RestApiId")), str(r.properties.get("StageName")))] = i
    for r in resources:
        target = _target(r.properties.get("ResourceArn"))
        if not isinstance(target, str):
            continue
        if r.type == "AWS::WAFv2::LoggingConfiguration":
            acl = names.get(("AWS::WAFv2::WebACL", target))
            if acl is not None:
                logging = {"LogDestinationConfigs": r.properties.get("LogDestinationConfigs") or []}
                out[acl] = replace(
                    out[acl], properties={**out[acl].properties, "LoggingConfiguration": logging}
                )
        elif r.type == "AWS::WAFv2::WebACLAssociation":
            stage = _stage_of(target)
            owner = (
                stages.get(stage)
                if stage
                else names.get(("AWS::ElasticLoadBalancingV2::LoadBalancer", target))
                or names.get(("AWS::AppSync::GraphQLApi", target))
            )
            if owner is not None:
                given = out[owner].properties.get(SUPPLEMENTARY)
                facts = {
                    **(given if isinstance(given, dict) else {}),
                    "WebAclArn": r.properties.get("WebACLArn"),
                }
                out[owner] = replace(out[owner], properties={**out[owner].properties, SUPPLEMENTARY: facts})
    return out


def link_firewall_logging(resources: list[Resource]) -> list[Resource]:
    """Each Network Firewall logging configuration's log types on its firewall (``Supplementary.LogTypes``,
    where the live collector keeps them); a firewall without one logs nothing."""
    index = {r.id: i for i, r in enumerate(resources) if r.type == "AWS::NetworkFirewall::Firewall"}
    if not index:
        return resources
    types: dict[int, list[Any]] = {i: [] for i in index.values()}
    for r in resources:
        target = r.properties.get("FirewallArn")
        if r.type != "AWS::NetworkFirewall::LoggingConfiguration" or not isinstance(target, str):
            continue
        if target in index:
            config = r.properties.get("LoggingConfiguration") or {}
            for destination in config.get("LogDestinationConfigs") or [] if isinstance(config, dict) else []:
                if isinstance(destination, dict):
                    types[index[target]].append(destination.get("LogType"))
    out = list(resources)
    for i, logged in types.items():
        given = out[i].properties.get(SUPPLEMENTARY)
        facts = {**(given if isinstance(given, dict) else {}), "LogTypes": logged}
        out[i] = replace(out[i], properties={**out[i].properties, SUPPLEMENTARY: facts})
    return out


def link_dnssec(resources: list[Resource]) -> list[Resource]:
    """Whether each hosted zone is signed (``Supplementary.DnssecSigning``): an ``AWS::Route53::DNSSEC`` names
    it by id (``!Ref Zone``, which stands for the zone's name here)."""
    zones = {r.id: i for i, r in enumerate(resources) if r.type == "AWS::Route53::HostedZone"}
    if not zones:
        return resources
    for i in list(zones.values()):
        name = resources[i].properties.get("Name")
        if isinstance(name, str):
            zones.setdefault(name, i)
    signed = set()
    for r in resources:
        zone = r.properties.get("HostedZoneId")
        if r.type == "AWS::Route53::DNSSEC" and isinstance(zone, str) and zone in zones:
            signed.add(zones[zone])
    out = list(resources)
    for i in set(zones.values()):
        given = out[i].properties.get(SUPPLEMENTARY)
        facts = {**(given if isinstance(given, dict) else {}), "DnssecSigning": i in signed}
        out[i] = replace(out[i], properties={**out[i].properties, SUPPLEMENTARY: facts})
    return out


def link_network(resources: list[Resource]) -> list[Resource]:
    """Every network link above, in order: group rules, ACL entries, web ACLs, firewall logging, DNSSEC."""
    linked = link_web_acls(fold_network_acl_entries(fold_security_group_rules(resources)))
    return link_dnssec(link_firewall_logging(linked))
