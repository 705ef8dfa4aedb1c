"""IAM roles' inline policies grant no wildcard action and nothing sensitive on every resource."""

from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import Example, Remediation, RuleMeta, WorkloadScope, example_resource
from wasp.rules._iam_document import inline_evaluate

META = RuleMeta(
    title="IAM role inline policies follow least privilege",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::Role",
    description="Each inline policy of the role (Policies, AWS::IAM::RolePolicy, or AWS::IAM::Policy with Roles:, aws_iam_role_policy) is judged statement by "
    "statement, as customer-managed policies are (iam_policy_least_privilege): admin on every resource is "
    "critical; Action '*', all of IAM, privilege escalation, permissions management and credentials exposure "
    "on every resource are high; data exfiltration medium, unconstrained write low. Declared break-glass "
    "principals pass.",
    remediation=Remediation(
        console="IAM > Roles > ROLE > Permissions > inline policy > Edit: name the actions and the resources "
        "(ARNs) the job needs.",
        cli="aws iam put-role-policy --role-name ROLE --policy-name NAME --policy-document file://scoped.json",
        cloudformation="Policies: [{PolicyName: app, PolicyDocument: {Statement: [{Effect: Allow, "
        "Action: [sqs:SendMessage], Resource: !GetAtt Queue.Arn}]}}]",
        terraform='resource "aws_iam_role_policy" "app" { policy = data.aws_iam_policy_document.scoped.json }',
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

evaluate = inline_evaluate("role", "RoleName")


def _role(*statements: Any, name: str = "app") -> Any:
    policies = [{"PolicyName": "p", "PolicyDocument": {"Statement": list(statements)}}]
    return example_resource("AWS::IAM::Role", {"RoleName": name, "Policies": policies})


_QUEUE = "arn:aws:sqs:eu-west-2:111122223333:orders"
EXAMPLES = (
    Example(
        "scoped",
        _role({"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": _QUEUE}),
        FindingStatus.PASS,
    ),
    Example("none", example_resource("AWS::IAM::Role", {"RoleName": "app"}), FindingStatus.PASS),
    Example("admin", _role({"Effect": "Allow", "Action": "*", "Resource": "*"}), FindingStatus.FAIL),
    Example(
        "privilege-escalation",
        _role({"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "break-glass",
        _role({"Effect": "Allow", "Action": "*", "Resource": "*"}, name="bg"),
        FindingStatus.PASS,
        workload=WorkloadScope(break_glass=("bg",)),
    ),
    Example(
        "unknown-action",
        _role({"Effect": "Allow", "Action": Unresolved("a parameter"), "Resource": "*"}),
        FindingStatus.UNKNOWN,
    ),
)
