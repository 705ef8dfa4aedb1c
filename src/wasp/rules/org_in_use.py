"""The workload runs in an AWS Organization."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
)

ORG = "AWS::Organizations::Organization"

META = RuleMeta(
    title="AWS Organizations is in use",
    severity=Severity.HIGH,
    best_practices=("SEC01-BP01",),
    resource_type=ACCOUNT_TYPE,
    related_types=(ORG,),
    description="Accounts are the strongest isolation boundary AWS offers, and Organizations is how they are "
    "governed: SCPs, organisation trails, delegated security services.",
    remediation=Remediation(
        console="AWS Organizations > Create an organization (all features), ideally through AWS Control Tower.",
        cli="aws organizations create-organization --feature-set ALL",
        cloudformation="Not creatable from a member stack; set up with AWS Control Tower or Landing Zone Accelerator.",
        terraform='resource "aws_organizations_organization" "org" { feature_set = "ALL" }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass when an organisation with all features is seen."""
    orgs = ctx.inventory.of_type(ORG)
    if not orgs:
        return failed("the account is not in an AWS Organization")
    org = orgs[0]
    view.note("organization", org.id)
    if view.neighbour(org).get("FeatureSet") != "ALL":
        return failed(f"organisation {org.id} has consolidated billing only: SCPs are unavailable")
    return passed(f"member of organisation {org.id} (all features)")


_ACCT = example_resource(ACCOUNT_TYPE, {"AccountId": "111122223333"}, "111122223333")
EXAMPLES = (
    Example("org", _ACCT, FindingStatus.PASS, (example_resource(ORG, {"FeatureSet": "ALL"}, "o-1"),)),
    Example("none", _ACCT, FindingStatus.FAIL),
    Example(
        "billing-only",
        _ACCT,
        FindingStatus.FAIL,
        (example_resource(ORG, {"FeatureSet": "CONSOLIDATED_BILLING"}, "o-1"),),
    ),
)
