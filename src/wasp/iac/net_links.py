"""Standalone security group rules and network ACL entries in a template, folded into their owner.

A template can open a group from elsewhere: ``AWS::EC2::SecurityGroupIngress`` / ``SecurityGroupEgress`` with
``GroupId: !Ref WebSG`` (or ``!GetAtt WebSG.GroupId``, or ``GroupName`` in a default VPC). A live account shows
those rules on the group itself, and Terraform's ``aws_security_group_rule`` is folded the same way, so the
reader appends each one to its group's ``SecurityGroupIngress`` / ``SecurityGroupEgress``: the rules then read
one shape from every source. A rule whose group is known only at deploy time stays where it is.

Network ACLs are the same: ``AWS::EC2::NetworkAclEntry`` and ``AWS::EC2::SubnetNetworkAclAssociation`` join
their ACL's ``Supplementary.Entries`` / ``Supplementary.Subnets``, where the live collector keeps them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wasp.model import SUPPLEMENTARY, Resource

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
