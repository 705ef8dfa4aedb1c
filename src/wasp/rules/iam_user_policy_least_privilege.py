"""IAM users' inline policies grant no wildcard action and nothing sensitive on every resource."""

from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import Example, Remediation, RuleMeta, WorkloadScope, example_resource
from wasp.rules._iam_document import inline_evaluate

META = RuleMeta(
    title="IAM user inline policies follow least privilege",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::User",
    description="Each inline policy of the user (Policies, AWS::IAM::UserPolicy, or AWS::IAM::Policy with Users:, aws_iam_user_policy) is judged statement by "
    "statement, as customer-managed policies are (iam_policy_least_privilege): admin on every resource is "
    "critical; Action '*', all of IAM, privilege escalation, permissions management and credentials exposure "
    "on every resource are high; data exfiltration medium, unconstrained write low. Declared break-glass "
    "principals pass.",
    remediation=Remediation(
        console="IAM > Users > USER > Permissions > inline policy > Edit: name the actions and the resources "
        "(ARNs) the job needs.",
        cli="aws iam put-user-policy --user-name USER --policy-name NAME --policy-document file://scoped.json",
        cloudformation="Policies: [{PolicyName: app, PolicyDocument: {Statement: [{Effect: Allow, "
        "Action: [sqs:SendMessage], Resource: !GetAtt Queue.Arn}]}}]",
        terraform='resource "aws_iam_user_policy" "app" { policy = data.aws_iam_policy_document.scoped.json }',
    ),
    checkov=(
        "CKV_AWS_49",
        "CKV_AWS_62",
        "CKV_AWS_63",
        "CKV_AWS_107",
        "CKV_AWS_108",
        "CKV_AWS_109",
        "CKV_AWS_110",
        "CKV_AWS_111",
        "CKV_AWS_286",
        "CKV_AWS_287",
        "CKV_AWS_288",
        "CKV_AWS_289",
        "CKV_AWS_290",
        "CKV2_AWS_40",
    ),
)

evaluate = inline_evaluate("user", "UserName")


def _user(*statements: Any, name: str = "app") -> Any:
    policies = [{"PolicyName": "p", "PolicyDocument": {"Statement": list(statements)}}]
    return example_resource("AWS::IAM::User", {"UserName": name, "Policies": policies})


_QUEUE = "arn:aws:sqs:eu-west-2:111122223333:orders"
EXAMPLES = (
    Example(
        "scoped",
        _user({"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": _QUEUE}),
        FindingStatus.PASS,
    ),
    Example("none", example_resource("AWS::IAM::User", {"UserName": "app"}), FindingStatus.PASS),
    Example("admin", _user({"Effect": "Allow", "Action": "*", "Resource": "*"}), FindingStatus.FAIL),
    Example(
        "privilege-escalation",
        _user({"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "break-glass",
        _user({"Effect": "Allow", "Action": "*", "Resource": "*"}, name="bg"),
        FindingStatus.PASS,
        workload=WorkloadScope(break_glass=("bg",)),
    ),
    Example(
        "unknown-action",
        _user({"Effect": "Allow", "Action": Unresolved("a parameter"), "Resource": "*"}),
        FindingStatus.UNKNOWN,
    ),
)
