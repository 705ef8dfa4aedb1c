"""Policies a template attaches to a user, group or role from elsewhere, linked onto that principal.

A template can grant a role admin without touching the role: ``AWS::IAM::Policy`` or ``AWS::IAM::ManagedPolicy``
with ``Roles: [!Ref AppRole]``, ``AWS::IAM::RolePolicy`` with ``RoleName``, ``AWS::IAM::UserToGroupAddition``.
A live account shows all of these on the principal itself (``get_account_authorization_details``), so the reader
links them the same way: an inline policy joins the principal's ``Policies``, a managed policy's stand-in id joins
its ``ManagedPolicyArns``, a group joins a user's ``Groups``. The rules then read one shape from every source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from wasp.model import Resource

PRINCIPALS = {"Roles": "AWS::IAM::Role", "Users": "AWS::IAM::User", "Groups": "AWS::IAM::Group"}
NAME_KEYS = {"AWS::IAM::Role": "RoleName", "AWS::IAM::User": "UserName", "AWS::IAM::Group": "GroupName"}
SINGLE = {
    "AWS::IAM::RolePolicy": ("RoleName", "AWS::IAM::Role"),
    "AWS::IAM::UserPolicy": ("UserName", "AWS::IAM::User"),
    "AWS::IAM::GroupPolicy": ("GroupName", "AWS::IAM::Group"),
}
"""Single-principal inline policy types: (the property naming the principal, its type)."""


def _names(value: Any) -> list[str]:
    """The principal names a link property holds (values known only at deploy time name nothing here)."""
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


class _Principals:
    def __init__(self, resources: list[Resource]) -> None:
        self.props: dict[str, dict[str, Any]] = {}
        self.index: dict[tuple[str, str], str] = {}
        for r in resources:
            if r.type in NAME_KEYS:
                self.props[r.id] = dict(r.properties)
                self.index[(r.type, r.id)] = r.id
                name = r.properties.get(NAME_KEYS[r.type])
                if isinstance(name, str):
                    self.index.setdefault((r.type, name), r.id)

    def append(self, rtype: str, name: str, key: str, item: Any) -> None:
        rid = self.index.get((rtype, name))
        if rid is not None:
            current = self.props[rid].get(key)
            self.props[rid][key] = [*(current if isinstance(current, list) else []), item]


def _link(r: Resource, principals: _Principals) -> None:
    props: Mapping[str, Any] = r.properties
    if r.type in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
        for key, rtype in PRINCIPALS.items():
            for name in _names(props.get(key)):
                if r.type == "AWS::IAM::Policy":
                    inline = {
                        "PolicyName": props.get("PolicyName", r.id),
                        "PolicyDocument": props.get("PolicyDocument"),
                    }
                    principals.append(rtype, name, "Policies", inline)
                else:
                    principals.append(rtype, name, "ManagedPolicyArns", r.id)  # the id a Ref stands for
    elif r.type in SINGLE:
        link, rtype = SINGLE[r.type]
        inline = {"PolicyName": props.get("PolicyName", r.id), "PolicyDocument": props.get("PolicyDocument")}
        for name in _names(props.get(link)):
            principals.append(rtype, name, "Policies", inline)
    elif r.type == "AWS::IAM::UserToGroupAddition":
        for group in _names(props.get("GroupName")):
            for user in _names(props.get("Users")):
                principals.append("AWS::IAM::User", user, "Groups", group)


def link_attachments(resources: list[Resource]) -> list[Resource]:
    """The resources with every attachment made from elsewhere linked onto its user, group or role."""
    principals = _Principals(resources)
    for r in resources:
        _link(r, principals)
    return [
        replace(r, properties=principals.props[r.id])
        if r.type in NAME_KEYS and r.id in principals.props
        else r
        for r in resources
    ]
