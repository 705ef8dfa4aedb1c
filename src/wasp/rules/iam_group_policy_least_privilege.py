"""IAM groups' inline policies grant no wildcard action and nothing sensitive on every resource."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._iam_document import INLINE_CHECKOV, inline_evaluate, inline_examples

META = RuleMeta(
    title="IAM group inline policies follow least privilege",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::Group",
    description="Each inline policy of the group (Policies, AWS::IAM::GroupPolicy, or AWS::IAM::Policy with Groups:, aws_iam_group_policy) is judged statement by "
    "statement, as customer-managed policies are (iam_policy_least_privilege): admin on every resource is "
    "critical; Action '*', all of IAM, privilege escalation, permissions management and credentials exposure "
    "on every resource are high; data exfiltration medium, unconstrained write low. Declared break-glass "
    "principals pass.",
    remediation=Remediation(
        console="IAM > Groups > GROUP > Permissions > inline policy > Edit: name the actions and the resources "
        "(ARNs) the job needs.",
        cli="aws iam put-group-policy --group-name GROUP --policy-name NAME --policy-document file://scoped.json",
        cloudformation="Policies: [{PolicyName: app, PolicyDocument: {Statement: [{Effect: Allow, "
        "Action: [sqs:SendMessage], Resource: !GetAtt Queue.Arn}]}}]",
        terraform='resource "aws_iam_group_policy" "app" { policy = data.aws_iam_policy_document.scoped.json }',
    ),
    checkov=INLINE_CHECKOV,
)

evaluate = inline_evaluate("group", "GroupName")


EXAMPLES = inline_examples("AWS::IAM::Group", "GroupName")
