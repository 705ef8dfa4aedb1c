"""AMI launch permissions go only to the workload's own accounts and organisation, never to everyone."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._exposure import known_accounts
from wasp.rules._iam_refs import is_set
from wasp.rules._shape import text

PERMISSION = "WASP::EC2::ImageLaunchPermission"

META = RuleMeta(
    title="AMI launch permissions are limited to the workload's accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC03-BP08"),
    resource_type=PERMISSION,
    description="An image shared with 'all' is public: anyone can launch it and read what it holds (software, "
    "configuration, often credentials baked in). Share images only with the workload's accounts or its "
    "organisation (or organisational unit); another account needs to be listed in the workload file.",
    remediation=Remediation(
        console="EC2 > AMIs > AMI > Actions > Edit AMI permissions: Private, then add accounts or the organisation.",
        cli="aws ec2 modify-image-attribute --image-id AMI --launch-permission 'Remove=[{Group=all}]'",
        cloudformation="CloudFormation has no resource for AMI launch permissions; use the CLI or Terraform.",
        terraform='organization_arn = data.aws_organizations_organization.this.arn  # never group = "all"',
    ),
    checkov=("CKV_AWS_205",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Public fails (critical); the organisation or a unit passes; an account must be one of the workload's."""
    name = view.resource.origin.address or view.id
    if str(text(view, "Group") or "").lower() == "all":
        return failed(f"{name} makes the image public (launch permission group all)", Severity.CRITICAL)
    if is_set(view, "OrganizationArn") or is_set(view, "OrganizationalUnitArn"):
        return passed("shared within an organisation")
    account = text(view, "AccountId")
    if not account:
        return unknown(f"{name} names no account, group or organisation (Terraform requires one)")
    ours = known_accounts(ctx)
    if str(account) in ours:
        return passed(f"shared with the workload's account {account}")
    if not ours:
        return unknown(f"whether account {account} is the workload's (list accounts in the workload file)")
    return failed(f"{name} shares the image with account {account}, outside the workload")


_OURS = WorkloadScope(accounts=("111122223333",))
EXAMPLES = (
    Example("public", example_resource(PERMISSION, {"Group": "all"}), FindingStatus.FAIL),
    Example(
        "organisation",
        example_resource(
            PERMISSION, {"OrganizationArn": "arn:aws:organizations::111122223333:organization/o-1"}
        ),
        FindingStatus.PASS,
    ),
    Example(
        "organisation-by-reference",
        example_resource(
            PERMISSION,
            {
                "OrganizationArn": Unresolved(
                    "data.aws_organizations_organization.this.arn is known only after apply"
                )
            },
        ),
        FindingStatus.PASS,
    ),
    Example(
        "organisation-not-a-string",
        example_resource(PERMISSION, {"OrganizationArn": {"a": 1}}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "own-account",
        example_resource(PERMISSION, {"AccountId": "111122223333"}),
        FindingStatus.PASS,
        workload=_OURS,
    ),
    Example(
        "stranger",
        example_resource(PERMISSION, {"AccountId": "999988887777"}),
        FindingStatus.FAIL,
        workload=_OURS,
    ),
    Example(
        "accounts-not-listed",
        example_resource(PERMISSION, {"AccountId": "999988887777"}),
        FindingStatus.UNKNOWN,
    ),
)
