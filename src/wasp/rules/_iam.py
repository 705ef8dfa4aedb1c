"""Pure helpers to work out what a user or role is granted, across inline, managed and group policies.

Every route counts: inline ``Policies``, ``ManagedPolicyArns`` (customer-managed ones read from the inventory,
broad AWS-managed ones from :mod:`wasp.rules._aws_managed`) and, for users, each group's own policies. The IaC
readers link policies attached from elsewhere (``AWS::IAM::Policy`` with ``Roles:``, Terraform's
``aws_iam_policy_attachment``...) onto the principal first, so live and IaC principals have the same shape.
Neighbours are read through :meth:`ResourceView.neighbour`, so their reads are evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.model import Resource, Severity, Unresolved
from wasp.model.rule import ResourceView, RuleContext, Verdict, failed, passed, unknown
from wasp.rules._aws_managed import aws_managed_document, aws_managed_name
from wasp.rules._policy import inline_documents
from wasp.rules._policy_access import Access, access_of
from wasp.rules._policy_shape import entry_wrongly, inline_document, listed_wrongly, not_an_arn

Sources = list[tuple[str, Any]]
"""(where a document comes from, the document) pairs; a document may be an Unresolved marker."""


def _managed_policy(arn: str, ctx: RuleContext) -> Resource | None:
    for policy in ctx.inventory.of_type("AWS::IAM::ManagedPolicy"):
        if arn in (policy.arn, policy.id):
            return policy
    return None


def _own_documents(reader: ResourceView, ctx: RuleContext, prefix: str, assumed: list[str]) -> Sources:
    """The inline and managed documents on one principal (or group), read through ``reader``; a list or entry
    of the wrong type is one malformed (unknown) document, never skipped."""
    out: Sources = [(prefix + label, doc) for label, doc in _inline(reader.peek("Policies", []))]
    arns = reader.peek("ManagedPolicyArns", [])
    if isinstance(arns, Unresolved):
        return [*out, (f"{prefix}ManagedPolicyArns", arns)]
    if not isinstance(arns, list):
        return [*out, (f"{prefix}ManagedPolicyArns", listed_wrongly("ManagedPolicyArns", arns))]
    for i, arn in enumerate(arns):
        if isinstance(arn, Unresolved):
            out.append((f"{prefix}ManagedPolicyArns", arn))
            continue
        if not isinstance(arn, str) or not arn:
            out.append((f"{prefix}ManagedPolicyArns[{i}]", not_an_arn(f"ManagedPolicyArns[{i}]", arn)))
            continue
        if aws_managed_name(arn) is not None:
            document = aws_managed_document(arn)
            if document is None:
                assumed.append(arn)
            else:
                out.append((f"{prefix}{arn}", document))
            continue
        policy = _managed_policy(arn, ctx)
        if policy is None:
            out.append((f"{prefix}{arn}", Unresolved(f"managed policy {arn} is not in the inventory")))
        else:
            out.append((f"{prefix}{arn}", reader.neighbour(policy).peek("PolicyDocument")))
    return out


def _inline(inline: Any) -> Sources:
    """(label, document) for each inline policy; an unknown or malformed list or entry is one unknown document."""
    if isinstance(inline, Unresolved):
        return [("Policies", inline)]
    if not isinstance(inline, list):
        return [("Policies", listed_wrongly("Policies", inline))]
    out: Sources = []
    for i, entry in enumerate(inline):
        if isinstance(entry, Unresolved):
            out.append((f"Policies[{i}]", entry))
        elif isinstance(entry, Mapping):
            out.append((f"inline:{entry.get('PolicyName', 'inline')}", inline_document(entry, i)))
        else:
            out.append((f"Policies[{i}]", entry_wrongly(f"Policies[{i}]", entry)))
    return out


def _group(name: str, ctx: RuleContext) -> Resource | None:
    for group in ctx.inventory.of_type("AWS::IAM::Group"):
        if name in (group.properties.get("GroupName"), group.id, group.arn):
            return group
    return None


def principal_documents(view: ResourceView, ctx: RuleContext, *, follow_groups: bool) -> Sources:
    """Every identity-policy document of a user or role, labelled by where it comes from."""
    assumed: list[str] = []
    out = _own_documents(view, ctx, "", assumed)
    if follow_groups:
        groups = view.peek("Groups", [])
        if isinstance(groups, Unresolved):
            out.append(("Groups", groups))
            groups = []
        elif not isinstance(groups, list):
            out.append(("Groups", listed_wrongly("Groups", groups)))
            groups = []
        for name in groups:
            if isinstance(name, Unresolved):
                out.append(("Groups", name))
                continue
            if not isinstance(name, str) or not name:
                out.append(("Groups", not_an_arn("a Groups entry", name, "a group name")))
                continue
            group = _group(str(name), ctx)
            if group is None:
                out.append((f"group:{name}", Unresolved(f"group {name} is not in the inventory")))
            else:
                out += _own_documents(view.neighbour(group), ctx, f"group:{name}/", assumed)
    view.note("aws_managed_assumed_scoped", assumed)
    return out


def _boundary(view: ResourceView, ctx: RuleContext) -> tuple[str, Any] | None:
    """The permissions boundary's (label, document); a boundary that cannot be read is an unknown document."""
    arn = view.peek("PermissionsBoundary")
    if not arn:
        return None
    label = f"boundary:{arn}"
    if isinstance(arn, Unresolved):
        return label, arn
    if not isinstance(arn, str):
        return "boundary", not_an_arn("PermissionsBoundary", arn)
    document = aws_managed_document(str(arn))
    if document is not None:
        return label, document
    policy = None if aws_managed_name(str(arn)) else _managed_policy(str(arn), ctx)
    if policy is None:
        return label, Unresolved(f"permissions boundary {arn} is not in the inventory")
    return label, view.neighbour(policy).peek("PolicyDocument")


def principal_access(view: ResourceView, ctx: RuleContext, *, follow_groups: bool) -> Access:
    """What a user's or role's identity policies grant together, within its permissions boundary if it has one,
    with the evidence noted on the view."""
    access = access_of(principal_documents(view, ctx, follow_groups=follow_groups))
    boundary = _boundary(view, ctx)
    if boundary is not None:
        access.bounded_by(access_of([boundary]))
    view.note("policy_sources", sorted(access.sources))
    view.note("share_of_actions_everywhere", round(access.share, 3))
    view.note("conditional_wide_grants", access.conditional)
    view.note("undecided", access.undecided)
    return access


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


def admin_verdict(view: ResourceView, ctx: RuleContext, what: str, *, follow_groups: bool) -> Verdict:
    """Fail full admin (critical) and near-admin (high) outside break-glass; unknown when parts are unknown."""
    access = principal_access(view, ctx, follow_groups=follow_groups)
    if access.full_admin or access.near_admin:
        via = ", ".join(access.via())
        if ctx.workload.is_break_glass(view.label(_NAME[view.resource.type]), view.resource.arn):
            return passed(f"{what} holds admin as a declared break-glass principal (via {via})")
        if access.full_admin:
            return failed(f"{what} has full administrator access via {via}", Severity.CRITICAL)
        share = f"{access.share:.0%} of all actions, all but {', '.join(access.missing_services())}"
        return failed(f"{what} has near-administrator access ({share}) via {via}", Severity.HIGH)
    if access.undecided:
        return unknown(
            f"{what}: policies with parts unknown until deploy or malformed: {'; '.join(access.undecided[:3])}"
        )
    return passed(f"{what} has no full or near administrator access")


def broad_verdict(view: ResourceView, ctx: RuleContext, what: str, *, follow_groups: bool) -> Verdict:
    """Fail service-wide grants on sensitive services (high) outside break-glass."""
    access = principal_access(view, ctx, follow_groups=follow_groups)
    broad = access.broad()
    view.note("broad_grants", broad)
    if broad:
        if ctx.workload.is_break_glass(view.label(_NAME[view.resource.type]), view.resource.arn):
            return passed(f"{what} holds broad access as a declared break-glass principal")
        return failed(f"{what} has service-wide access: {', '.join(broad)}", Severity.HIGH)
    if access.undecided:
        return unknown(
            f"{what}: policies with parts unknown until deploy or malformed: {'; '.join(access.undecided[:3])}"
        )
    return passed(f"{what} has no service-wide grant on IAM, KMS, S3 or sts:AssumeRole on any role")


_NAME = {"AWS::IAM::Role": "RoleName", "AWS::IAM::User": "UserName"}
