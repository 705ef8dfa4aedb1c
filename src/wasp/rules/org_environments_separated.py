"""Workload environments are separated into accounts: production, non-production, and security/log archive."""

import re

from wasp.model import FindingStatus, Resource, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    NeighbourView,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    UnresolvedRead,
    Verdict,
    example_resource,
    failed,
    passed,
)

ACCOUNT = "AWS::Organizations::Account"
KINDS = {
    "production": re.compile(r"(^|[^a-z])(prod|production|prd|live)([^a-z]|$)"),
    "non-production": re.compile(
        r"(^|[^a-z])(dev|development|test|testing|stag|staging|uat|sandbox|nonprod|non-prod|preprod|qa)([^a-z]|$)"
    ),
    "security or log archive": re.compile(
        r"(^|[^a-z])(security|audit|log|logs|logging|log-archive|archive|tooling)([^a-z]|$)"
    ),
}

META = RuleMeta(
    title="Production, non-production and security accounts are separate",
    severity=Severity.MEDIUM,
    best_practices=("SEC01-BP01",),
    resource_type="AWS::Organizations::Organization",
    related_types=(ACCOUNT,),
    description="Recognised from account names, OU paths and tags: at least one production, one non-production "
    "and one security or log-archive account.",
    remediation=Remediation(
        console="Organizations > Add an AWS account for each missing environment, in OUs named Workloads/Prod, "
        "Workloads/NonProd and Security (Control Tower creates Log Archive and Audit).",
        cli="aws organizations create-account --email ... --account-name payments-nonprod",
        cloudformation="Account Factory (Control Tower) or AWS::Organizations::Account resources.",
        terraform='resource "aws_organizations_account" "nonprod" { name = "payments-nonprod" email = "..." }',
    ),
    iac=False,
)


def _kinds(account: NeighbourView) -> set[str]:
    """The kinds an account's name, OU path and tags show; raises UnresolvedRead if one is unknown."""
    text = " ".join(
        [
            str(account.get("AccountName", "")),
            str(account.get(f"{SUPPLEMENTARY}.OuPath", "")),
            *account.tags.values(),
        ]
    ).lower()
    return {kind for kind, pattern in KINDS.items() if pattern.search(text)}


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Each of the three kinds must be present."""
    seen: dict[str, list[str]] = {k: [] for k in KINDS}
    unknown: list[UnresolvedRead] = []
    for acct in ctx.inventory.of_type(ACCOUNT):
        n = view.neighbour(acct)
        try:
            kinds = _kinds(n)
        except UnresolvedRead as exc:
            unknown.append(exc)
            continue
        for kind in kinds:
            seen[kind].append(str(n.peek("AccountName", acct.id)))
    view.note("accounts_by_kind", seen)
    missing = [k for k, names in seen.items() if not names]
    if missing and unknown:
        raise unknown[0]  # an account whose name or OU could not be read might be the missing kind
    if missing:
        return failed(f"no {', '.join(missing)} account recognised in the organisation (by name, OU or tag)")
    return passed("separate production, non-production and security accounts")


def _acct(name: str, ou: str = "Root") -> Resource:
    return example_resource(ACCOUNT, {"AccountName": name, SUPPLEMENTARY: {"OuPath": ou}}, name)


EXAMPLES = (
    Example(
        "separated",
        example_resource("AWS::Organizations::Organization", {}, "o-1"),
        FindingStatus.PASS,
        (_acct("payments-prod"), _acct("payments-dev"), _acct("log-archive", "Root/Security")),
    ),
    Example(
        "one-account",
        example_resource("AWS::Organizations::Organization", {}, "o-1"),
        FindingStatus.FAIL,
        (_acct("payments"),),
    ),
    Example(
        "one-account-unreadable",
        example_resource("AWS::Organizations::Organization", {}, "o-1"),
        FindingStatus.UNKNOWN,
        (
            _acct("payments-prod"),
            _acct("payments-dev"),
            example_resource(ACCOUNT, {"AccountName": "x", SUPPLEMENTARY: Unresolved("denied")}, "x"),
        ),
    ),
)
