"""Recognise the foundational SCPs by what their statements do, not by their names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.model import ACCOUNT_TYPE, Resource
from wasp.model.rule import ResourceView, RuleContext, Verdict, example_resource, failed, passed
from wasp.rules._policy import denies, statements

ORG = "AWS::Organizations::Organization"
POLICY = "AWS::Organizations::Policy"

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


def evaluate_guardrail(view: ResourceView, ctx: RuleContext, what: str, recognise: Recogniser) -> Verdict:
    """Pass when an attached SCP does the job; say which SCPs come close and where they are attached."""
    orgs = ctx.inventory.of_type(ORG)
    if not orgs:
        return failed(f"no AWS Organization, so no SCP can {what}")
    attached: list[str] = []
    unattached: list[str] = []
    partial: list[str] = []
    for policy in ctx.inventory.of_type(POLICY):
        props = policy.properties
        missing = recognise(statements(props.get("Content")))
        name = str(props.get("Name", policy.id))
        targets = props.get("TargetIds") or []
        if missing:
            if len(missing) < 3:
                partial.append(f"{name} (lacks {', '.join(missing)})")
        elif targets:
            attached.append(f"{name} attached to {', '.join(map(str, targets))}")
        else:
            unattached.append(name)
    view.note("scps_doing_this", attached)
    view.note("scps_not_attached", unattached)
    view.note("scps_partial", partial)
    if attached:
        return passed(f"SCP to {what}: {'; '.join(attached)}")
    if unattached:
        return failed(f"SCP to {what} exists but is not attached: {', '.join(unattached)}")
    extra = f" (partial: {'; '.join(partial)})" if partial else ""
    return failed(f"no SCP in the organisation does this: {what}{extra}")


def scp_examples(good_content: dict[str, Any]) -> tuple[Resource, tuple[Resource, ...], tuple[Resource, ...]]:
    """(account resource, neighbours with the SCP attached, neighbours with an org and no SCP)."""
    account = example_resource(ACCOUNT_TYPE, {"AccountId": "111122223333"}, "111122223333", region="")
    org = example_resource(ORG, {"FeatureSet": "ALL"}, "o-example", region="")
    scp = example_resource(
        POLICY, {"Name": "guardrail", "Content": good_content, "TargetIds": ["r-root"]}, "p-1", region=""
    )
    return account, (org, scp), (org,)
