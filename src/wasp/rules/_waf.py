"""Shared check: an internet-facing entry point is protected by a web ACL with managed rule groups."""

from __future__ import annotations

from typing import Any

from wasp.model.rule import ResourceView, RuleContext, Verdict, failed, passed

ACL = "AWS::WAFv2::WebACL"


def waf_verdict(view: ResourceView, ctx: RuleContext, acl_ref: Any, what: str) -> Verdict:
    """Fail without an ACL; fail when the ACL (if collected) has no managed rule group."""
    if not acl_ref:
        return failed(f"{what} {view.id} has no AWS WAF web ACL")
    ref = str(acl_ref)
    acls = [a for a in ctx.inventory.of_type(ACL) if ref in (a.arn, a.id)]
    if acls:
        acl = view.neighbour(acls[0])
        rules = acl.get("Rules") or []
        managed = [
            r.get("Statement", {}).get("ManagedRuleGroupStatement", {}).get("Name")
            for r in rules
            if isinstance(r, dict)
        ]
        managed = [m for m in managed if m]
        view.note("managed_rule_groups", managed)
        if not managed:
            return failed(f"{what} {view.id} has web ACL {acl.get('Name')} with no managed rule group")
    return passed(f"{what} protected by web ACL {ref.rsplit('/', 2)[-2] if '/' in ref else ref}")
