"""The organisation has a forensic ('clean room') account for investigations."""

import re

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
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
FORENSIC = re.compile(r"forensic|clean[-_ ]?room|investigation|incident[-_ ]?response", re.IGNORECASE)

META = RuleMeta(
    title="A forensic (clean-room) account exists in the organisation",
    severity=Severity.MEDIUM,
    best_practices=("SEC10-BP03",),
    resource_type="AWS::Organizations::Organization",
    related_types=(ACCOUNT,),
    description="Evidence (snapshots, memory, logs) must be examined away from the compromised account; recognised by "
    "account name, OU or tag.",
    remediation=Remediation(
        console="Organizations > Add an AWS account 'forensics' in a Security OU with tightly restricted access and "
        "pre-deployed analysis tooling.",
        cli="aws organizations create-account --email forensics@example.com --account-name forensics",
        cloudformation="Account Factory / AWS::Organizations::Account {AccountName: forensics}",
        terraform='resource "aws_organizations_account" "forensics" { name = "forensics" ... }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Search names, OU paths and tags."""
    found = []
    unknown: list[UnresolvedRead] = []
    for acct in ctx.inventory.of_type(ACCOUNT):
        n = view.neighbour(acct)
        try:
            text = " ".join(
                [
                    str(n.get("AccountName", "")),
                    str(n.get(f"{SUPPLEMENTARY}.OuPath", "")),
                    *acct.tags.values(),
                ]
            )
        except UnresolvedRead as exc:
            unknown.append(exc)
            continue
        if FORENSIC.search(text):
            found.append(str(n.get("AccountName", acct.id)))
    view.note("forensic_accounts", found)
    if found:
        return passed("forensic account(s): " + ", ".join(found))
    if unknown:
        raise unknown[0]  # an account whose name or OU could not be read might be the forensic one
    return failed("no forensic / clean-room account recognised in the organisation")


_ORG = example_resource("AWS::Organizations::Organization", {}, "o-1")
EXAMPLES = (
    Example(
        "present",
        _ORG,
        FindingStatus.PASS,
        (example_resource(ACCOUNT, {"AccountName": "security-forensics"}, "1"),),
    ),
    Example(
        "absent",
        _ORG,
        FindingStatus.FAIL,
        (example_resource(ACCOUNT, {"AccountName": "payments-prod"}, "1"),),
    ),
    Example(
        "ou-unreadable",
        _ORG,
        FindingStatus.UNKNOWN,
        (
            example_resource(
                ACCOUNT, {"AccountName": "x", SUPPLEMENTARY: {"OuPath": Unresolved("denied")}}, "1"
            ),
        ),
    ),
)
