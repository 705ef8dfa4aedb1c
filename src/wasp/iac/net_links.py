"""Standalone security group rules in a template, folded into the group they belong to.

A template can open a group from elsewhere: ``AWS::EC2::SecurityGroupIngress`` / ``SecurityGroupEgress`` with
``GroupId: !Ref WebSG`` (or ``!GetAtt WebSG.GroupId``, or ``GroupName`` in a default VPC). A live account shows
those rules on the group itself, and Terraform's ``aws_security_group_rule`` is folded the same way, so the
reader appends each one to its group's ``SecurityGroupIngress`` / ``SecurityGroupEgress``: the rules then read
one shape from every source. A rule whose group is known only at deploy time stays where it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wasp.model import Resource

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
