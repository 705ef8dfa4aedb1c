"""CodeCommit approval rule templates require at least two approvals."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import Test, at_least, examples, expect
from wasp.rules._shape import is_number

META = RuleMeta(
    title="CodeCommit approval rule templates require two approvals",
    severity=Severity.MEDIUM,
    best_practices=("SEC11-BP04",),
    resource_type="WASP::CodeCommit::ApprovalRuleTemplate",
    description="Two approvals before a merge mean no single person (or single stolen credential) can put code on a protected branch; a template needing fewer lets one reviewer wave a change through.",
    remediation=Remediation(
        console="CodeCommit > Approval rule templates > TEMPLATE > Edit: Number of approvals needed 2 or more.",
        cli="aws codecommit update-approval-rule-template-content --approval-rule-template-name NAME --new-rule-content file://rule.json",
        cloudformation="CloudFormation has no approval rule template resource; use the CLI or Terraform.",
        terraform='content = jsonencode({ Version = "2018-11-08", Statements = [{ Type = "Approvers", NumberOfApprovalsNeeded = 2 }] })',
    ),
    checkov=("CKV_AWS_257",),
)


def _approvals(statements: Any) -> bool:
    """Every approval statement needs two or more approvals."""
    listed = statements if isinstance(statements, list) else [statements]
    needed = [s.get("NumberOfApprovalsNeeded", 0) for s in listed]
    return bool(needed) and all(at_least(2)(n) for n in needed)


def _well_formed(statements: Any) -> bool:
    listed = statements if isinstance(statements, list) else [statements]
    return all(
        isinstance(s, dict)
        and is_number(s.get("NumberOfApprovalsNeeded", 0))
        and isinstance(s.get("Type", ""), str)
        for s in listed
    )


_two_approvals = Test(
    _approvals, "approval statements (mappings with Type and NumberOfApprovalsNeeded)", _well_formed
)


evaluate = expect(
    "Content.Statements",
    _two_approvals,
    ok="two or more approvals required",
    bad="approval rule template {name} needs fewer than two approvals",
    default=[],
)

EXAMPLES = (
    *examples(
        "WASP::CodeCommit::ApprovalRuleTemplate",
        passing=[("two", {"Content": {"Statements": [{"Type": "Approvers", "NumberOfApprovalsNeeded": 2}]}})],
        failing=[
            ("one", {"Content": {"Statements": [{"Type": "Approvers", "NumberOfApprovalsNeeded": 1}]}}),
            ("none", {}),
        ],
    ),
    unknown_example("WASP::CodeCommit::ApprovalRuleTemplate", "Content.Statements"),
)
