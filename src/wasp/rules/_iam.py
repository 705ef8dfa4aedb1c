"""Pure helpers to work out what a user or role is granted, across inline, managed and group policies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.model.rule import ResourceView, RuleContext, UnresolvedRead, contains_unresolved
from wasp.rules._policy import grants_full_admin, inline_documents, is_admin_policy_arn


def _managed_admin(arns: list[Any], ctx: RuleContext) -> list[str]:
    hits: list[str] = []
    for arn in arns:
        arn = str(arn)
        if is_admin_policy_arn(arn):
            hits.append(arn)
            continue
        for policy in ctx.inventory.of_type("AWS::IAM::ManagedPolicy"):
            if arn not in (policy.arn, policy.id):
                continue
            document = policy.properties.get("PolicyDocument")
            if grants_full_admin(document):
                hits.append(arn)
            elif (bad := contains_unresolved(document)) is not None:
                raise UnresolvedRead(
                    f"ManagedPolicyArns[{arn}].PolicyDocument", bad
                )  # the verdict is unknown
    return hits


def admin_grants(view: ResourceView, ctx: RuleContext, *, follow_groups: bool) -> list[str]:
    """Where a principal gets full admin: managed ARNs, 'inline:NAME', 'group:NAME/...'."""
    hits = _managed_admin(list(view.get("ManagedPolicyArns", [])), ctx)
    hits += [f"inline:{n}" for n, doc in inline_documents(view.get("Policies", [])) if grants_full_admin(doc)]
    if follow_groups:
        for group_name in view.get("Groups", []):
            for group in ctx.inventory.find("AWS::IAM::Group", GroupName=group_name):
                props: Mapping[str, Any] = group.properties
                g_hits = _managed_admin(list(props.get("ManagedPolicyArns") or []), ctx)
                g_hits += [
                    f"inline:{n}"
                    for n, doc in inline_documents(props.get("Policies") or [])
                    if grants_full_admin(doc)
                ]
                hits += [f"group:{group_name}/{h}" for h in g_hits]
    view.note("admin_grants", hits)
    return hits


def attached_documents(properties: Mapping[str, Any], ctx: RuleContext) -> list[Any]:
    """A user's or role's policy documents: inline ones and the customer-managed policies it attaches."""
    docs = [doc for _, doc in inline_documents(properties.get("Policies") or [])]
    for arn in properties.get("ManagedPolicyArns") or []:
        docs += [
            p.properties.get("PolicyDocument")
            for p in ctx.inventory.of_type("AWS::IAM::ManagedPolicy")
            if arn in (p.arn, p.id)
        ]
    return docs
