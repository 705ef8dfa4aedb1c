"""Revoke only the world-open ingress rules on SSH, RDP, database ports or all traffic."""

from __future__ import annotations

from typing import Any

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer
from wasp.rules.ec2_sg_no_world_ingress import ADMIN_PORTS, DATA_PORTS, WORLD


def _dangerous(rule: dict[str, Any]) -> bool:
    proto = str(rule.get("IpProtocol", "-1"))
    if proto in ("-1", "all"):
        return True
    lo, hi = int(rule.get("FromPort", 0)), int(rule.get("ToPort", 65535))
    return any(lo <= p <= hi for p in (*ADMIN_PORTS, *DATA_PORTS)) or (lo <= 0 and hi >= 65535)


class RevokeWorldIngress(Fixer):
    """revoke_security_group_ingress for each dangerous 0.0.0.0/0 or ::/0 rule; other rules are left alone."""

    rule = "ec2_sg_no_world_ingress"
    collectors = ("ec2",)
    title = "Revoke world-open SSH, RDP, database and all-traffic ingress"
    permissions = ("ec2:RevokeSecurityGroupIngress",)
    risk = "Whoever connects from the internet on these ports (an admin over SSH/RDP, a client to the database) is cut off."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """One revoke call per offending rule (web ports on load-balancer groups are not touched)."""
        out: list[Call] = []
        for rule in resource.properties.get("SecurityGroupIngress") or []:
            cidr4, cidr6 = rule.get("CidrIp"), rule.get("CidrIpv6")
            if not (cidr4 in WORLD or cidr6 in WORLD) or not _dangerous(rule):
                continue
            perm: dict[str, Any] = {"IpProtocol": str(rule.get("IpProtocol", "-1"))}
            if "FromPort" in rule and perm["IpProtocol"] not in ("-1", "all"):
                perm.update(FromPort=int(rule["FromPort"]), ToPort=int(rule["ToPort"]))
            if cidr4 in WORLD:
                perm["IpRanges"] = [{"CidrIp": cidr4}]
            else:
                perm["Ipv6Ranges"] = [{"CidrIpv6": cidr6}]
            out.append(
                Call(
                    "ec2",
                    "revoke_security_group_ingress",
                    {"GroupId": resource.id, "IpPermissions": [perm]},
                    resource.region,
                )
            )
        return out


FIXER = RevokeWorldIngress()
