"""Recognise the foundational SCPs by what their statements do, and count them only where they apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wasp.model import ACCOUNT_TYPE, FindingStatus, Resource, Unresolved
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    ResourceView,
    RuleContext,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._policy import denies, statements

ORG = "AWS::Organizations::Organization"
POLICY = "AWS::Organizations::Policy"
MEMBER = "AWS::Organizations::Account"
RELATED = (ORG, POLICY, MEMBER)
"""What every SCP rule reads: a failed read of any of them makes its verdicts unknown."""

Recogniser = Callable[[list[dict[str, Any]]], list[str]]
"""Given an SCP's statements, what is missing (empty when the SCP does the job)."""


def condition_keys(st: dict[str, Any]) -> dict[str, str]:
    """Condition key (lower case) -> operator, for one statement."""
    out: dict[str, str] = {}
    cond = st.get("Condition") or {}
    if isinstance(cond, dict):
        for op, block in cond.items():
            if isinstance(block, dict):
                for key in block:
                    out[str(key).lower()] = str(op)
    return out


def missing_actions(sts: list[dict[str, Any]], required: dict[str, tuple[str, ...]]) -> list[str]:
    """Groups (e.g. 'CloudTrail') none of whose actions is denied."""
    return [group for group, actions in required.items() if not any(denies(sts, a) for a in actions)]


@dataclass(frozen=True)
class Placement:
    """Where an account sits: the ids whose SCPs apply to it, named for the evidence."""

    account: str
    names: dict[str, str]
    """Target id -> how to describe it ('the root r-1', 'OU Prod (ou-1)', 'the account')."""
    complete: bool
    """False when only the account and the root are known (its OUs were not listed)."""

    def where(self, target: str) -> str | None:
        """How an attachment to ``target`` reaches the account, or None when it does not (or is not known to)."""
        if target in self.names:
            return self.names[target]
        if not self.complete and target.startswith("r-"):
            return f"the root {target}"  # every account in the organisation is under its root
        return None


def _place(view: ResourceView, ctx: RuleContext, account: str) -> Placement | None:
    """The account's path from the organisation's account list; None when the list says it is not a member."""
    names = {account: f"the account {account}"}
    members = ctx.inventory.of_type(MEMBER)
    for member in members:
        if member.id != account:
            continue
        nv = view.neighbour(member)
        chain = nv.peek(f"{SUPPLEMENTARY}.OuChain")
        nv.peek(f"{SUPPLEMENTARY}.OuPath")
        if isinstance(chain, list) and chain:
            for i, hop in enumerate(chain):
                if isinstance(hop, dict) and hop.get("Id"):
                    hid, name = str(hop["Id"]), str(hop.get("Name", hop["Id"]))
                    names[hid] = f"the root {hid}" if i == 0 else f"OU {name} ({hid})"
            return Placement(account, names, True)
        for parent in nv.peek("ParentIds") or []:
            names[str(parent)] = f"its parent {parent}"
        return Placement(account, names, False)
    if members:
        return None
    return Placement(account, names, False)


def _management(view: ResourceView, orgs: list[Resource], account: str) -> bool:
    return any(view.neighbour(org).peek(f"{SUPPLEMENTARY}.ManagementAccountId") == account for org in orgs)


def evaluate_guardrail(view: ResourceView, ctx: RuleContext, what: str, recognise: Recogniser) -> Verdict:
    """Pass when an SCP that does the job is attached to this account, an OU on its path, or the root.

    An SCP attached elsewhere (a sandbox OU) does not count; SCPs never restrict the management account.
    """
    orgs = ctx.inventory.of_type(ORG)
    if not orgs:
        return failed(f"no AWS Organization, so no SCP can {what}")
    account = view.resource.account or view.id
    if _management(view, orgs, account):
        return failed(
            f"account {account} is the organisation's management account: SCPs never restrict it, so none can "
            f"{what} there; run workloads in member accounts"
        )
    place = _place(view, ctx, account)
    if place is None:
        return failed(
            f"account {account} is not among the organisation's accounts, so none of its SCPs applies"
        )
    applying: list[str] = []
    elsewhere: list[str] = []
    maybe: list[str] = []
    unattached: list[str] = []
    partial: list[str] = []
    unreadable: list[str] = []
    for policy in ctx.inventory.of_type(POLICY):
        own = ResourceView(policy)  # the content is read with unknown-awareness but kept out of the evidence
        name = str(own.peek("Name", policy.id))
        content = own.peek("Content")
        if contains_unresolved(content) is not None:
            unreadable.append(f"{name} (content)")
            continue
        missing = recognise(statements(content))
        if missing:
            if len(missing) < 3:
                partial.append(f"{name} (lacks {', '.join(missing)})")
            continue
        targets = view.neighbour(policy).peek("TargetIds") or []
        if contains_unresolved(targets) is not None:
            unreadable.append(f"{name} (targets)")
            continue
        reach = [w for w in (place.where(str(t)) for t in targets) if w]
        if reach:
            applying.append(f"{name} attached to {', '.join(reach)}")
        elif not targets:
            unattached.append(name)
        elif place.complete:
            elsewhere.append(f"{name} attached to {', '.join(map(str, targets))}")
        else:
            maybe.append(f"{name} attached to {', '.join(map(str, targets))}")
    view.note("account_path", list(place.names.values()))
    view.note("scps_applying", applying)
    view.note("scps_attached_elsewhere", elsewhere)
    view.note("scps_not_attached", unattached)
    view.note("scps_partial", partial)
    if applying:
        return passed(f"SCP to {what} applies to account {account}: {'; '.join(applying)}")
    if unreadable or maybe:
        why = [
            *(f"{p} could not be read" for p in unreadable),
            *(f"{m}, and the account's OUs are not known" for m in maybe),
        ]
        return unknown(f"cannot tell whether an SCP to {what} applies to account {account}: {'; '.join(why)}")
    if elsewhere:
        return failed(
            f"SCP to {what} is attached only outside account {account}'s path ({', '.join(place.names.values())}): "
            + "; ".join(elsewhere)
        )
    if unattached:
        return failed(f"SCP to {what} exists but is not attached: {', '.join(unattached)}")
    extra = f" (partial: {'; '.join(partial)})" if partial else ""
    return failed(f"no SCP in the organisation does this: {what}{extra}")


MEMBER_ID = "111122223333"
_PROD_PATH = [
    {"Id": "r-root", "Name": "Root"},
    {"Id": "ou-work", "Name": "Workloads"},
    {"Id": "ou-prod", "Name": "Prod"},
]


def scp_examples(good_content: dict[str, Any]) -> tuple[Example, ...]:
    """Examples every SCP rule shares: the SCP that does the job, placed on and off the account's path."""
    account = example_resource(ACCOUNT_TYPE, {"AccountId": MEMBER_ID}, MEMBER_ID, region="")
    org = example_resource(
        ORG,
        {"FeatureSet": "ALL", SUPPLEMENTARY: {"ManagementAccountId": "999999999999"}},
        "o-example",
        region="",
    )
    org_managed_here = example_resource(
        ORG,
        {"FeatureSet": "ALL", SUPPLEMENTARY: {"ManagementAccountId": MEMBER_ID}},
        "o-example",
        region="",
    )
    member = example_resource(
        MEMBER,
        {
            "AccountId": MEMBER_ID,
            "ParentIds": ["ou-prod"],
            SUPPLEMENTARY: {"OuPath": "Root/Workloads/Prod", "OuChain": _PROD_PATH},
        },
        MEMBER_ID,
        region="",
    )
    other = example_resource(
        MEMBER, {"AccountId": "444455556666", "ParentIds": ["r-root"]}, "444455556666", region=""
    )

    def scp(targets: Any) -> Resource:
        return example_resource(
            POLICY, {"Name": "guardrail", "Content": good_content, "TargetIds": targets}, "p-1", region=""
        )

    pass_, fail, unk = FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.UNKNOWN
    return (
        Example("attached-to-root", account, pass_, (org, member, scp(["r-root"]))),
        Example("attached-to-an-ou-on-the-path", account, pass_, (org, member, scp(["ou-work"]))),
        Example("attached-to-the-account", account, pass_, (org, member, scp([MEMBER_ID]))),
        Example("attached-only-to-sandbox", account, fail, (org, member, scp(["ou-sandbox"]))),
        Example("not-attached", account, fail, (org, member, scp([]))),
        Example("absent", account, fail, (org, member)),
        Example("no-org", account, fail),
        Example("management-account", account, fail, (org_managed_here, scp(["r-root"]))),
        Example("not-a-member", account, fail, (org, other, scp(["r-root"]))),
        Example("root-without-account-list", account, pass_, (org, scp(["r-root"]))),
        Example("ou-without-account-list", account, unk, (org, scp(["ou-prod"]))),
        Example(
            "targets-unreadable",
            account,
            unk,
            (org, member, scp(Unresolved("list_targets_for_policy denied"))),
        ),
    )
