"""Shared reading of IAM Access Analyzer findings collected on the account's analyzers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import ResourceView, RuleContext

ANALYZER = "AWS::AccessAnalyzer::Analyzer"
EXTERNAL = ("ACCOUNT", "ORGANIZATION")
"""Analyzer types whose zone of trust yields external-access findings."""
UNUSED = ("ACCOUNT_UNUSED_ACCESS", "ORGANIZATION_UNUSED_ACCESS")
"""Analyzer types that report unused roles, keys, passwords and permissions."""
SHOWN = 10
"""Finding ids named in a message; the evidence keeps them all."""


@dataclass
class Gathered:
    """The active findings of one kind of analyzer in one account, with where they came from."""

    analyzers: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    capped: list[str] = field(default_factory=list)


def gather(view: ResourceView, ctx: RuleContext, kinds: tuple[str, ...]) -> Gathered:
    """Active findings of the account's ACTIVE analyzers of ``kinds``; an unreadable list raises (unknown).

    Findings about resources owned by accounts outside the workload (an organisation analyzer sees them all)
    are left out when the workload names its accounts.
    """
    account = view.resource.account
    owners = set(ctx.workload.accounts) | ({account} if account else set())
    out = Gathered()
    for analyzer in ctx.inventory.of_type(ANALYZER):
        if account and analyzer.account and analyzer.account != account:
            continue
        n = view.neighbour(analyzer)
        if n.get("Type") not in kinds or n.get(f"{SUPPLEMENTARY}.Status", "ACTIVE") != "ACTIVE":
            continue
        out.analyzers.append(f"{analyzer.region}/{analyzer.id}")
        for f in n.get(f"{SUPPLEMENTARY}.Findings", []):
            if not isinstance(f, dict) or f.get("Status") != "ACTIVE":
                continue
            owner = f.get("ResourceOwnerAccount")
            if ctx.workload.accounts and owner and owner not in owners:
                continue
            out.findings.append({**f, "Analyzer": analyzer.id, "Region": analyzer.region})
        if n.get(f"{SUPPLEMENTARY}.FindingsCapped", False):
            out.capped.append(f"{analyzer.region}/{analyzer.id}")
    return out


def listed(findings: list[dict[str, Any]]) -> str:
    """'id (resource), ...' for the first few findings, and how many more."""
    shown = [f"{f.get('Id')} ({f.get('Resource')})" for f in findings[:SHOWN]]
    more = len(findings) - SHOWN
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
