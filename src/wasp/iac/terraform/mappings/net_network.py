"""Split security group rules of the network area: egress rules folded into their group.

``folds.py`` folds ingress rules (``aws_security_group_rule`` of type ingress, ``aws_vpc_security_group_ingress_rule``);
these folds add their egress twins, so egress rules read the same from templates, Terraform and the live API.
"""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.mappings.network import egress_entries
from wasp.iac.terraform.shapes import Props, Values, items

GROUPS = ("aws_security_group", "aws_default_security_group")


def _egress(make: Callable[[Values], list[Props]]) -> Callable[[Props, Values], None]:
    def merge(props: Props, v: Values) -> None:
        props["SecurityGroupEgress"] = [*items(props.get("SecurityGroupEgress")), *make(v)]

    return merge


def _rule(v: Values) -> list[Props]:
    if v.get("type") != "egress":
        return []
    return egress_entries(v, v4="cidr_blocks", v6="ipv6_cidr_blocks")


def _egress_rule(v: Values) -> list[Props]:
    return egress_entries(v, v4="cidr_ipv4", v6="cidr_ipv6", proto="ip_protocol")


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {}
"""No types of its own: this module only adds folds."""

FOLDS: dict[str, Fold] = {
    "aws_security_group_rule": Fold("security_group_id", GROUPS, _egress(_rule)),
    "aws_vpc_security_group_egress_rule": Fold("security_group_id", GROUPS, _egress(_egress_rule)),
}
"""Egress rules folded into their group."""
