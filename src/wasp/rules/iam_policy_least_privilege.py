"""Customer-managed IAM policies grant no wildcard action and nothing sensitive on every resource."""

from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    unknown,
)
from wasp.rules._iam_document import document_problems, findings_verdict

META = RuleMeta(
    title="Customer-managed IAM policies follow least privilege",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::ManagedPolicy",
    description="Each Allow statement is judged on its own: every action on every resource is admin (critical); "
    "Action '*' elsewhere, all of IAM, a known privilege-escalation combination, permissions management and "
    "actions that return credentials on every resource are high; reading objects, parameters or secrets "
    "everywhere (data exfiltration) is medium and unconstrained write access low. A condition that narrows "
    "who or what (aws:SourceVpce, aws:ResourceTag...) limits the statement; an unconditioned Deny takes "
    "actions away.",
    remediation=Remediation(
        console="IAM > Policies > POLICY > Edit: name the actions the job needs and the resources (ARNs) they "
        "act on; IAM Access Analyzer can generate a policy from CloudTrail activity.",
        cli="aws iam create-policy-version --policy-arn ARN --policy-document file://scoped.json --set-as-default",
        cloudformation="PolicyDocument: Statement: [{Effect: Allow, Action: [s3:GetObject], "
        "Resource: !Sub '${Bucket.Arn}/*'}]",
        terraform='statement { actions = ["s3:GetObject"] resources = ["${aws_s3_bucket.b.arn}/*"] }',
    ),
    checkov=(
        "CKV_AWS_1",
        "CKV_AWS_49",
        "CKV_AWS_62",
        "CKV_AWS_63",
        "CKV_AWS_107",
        "CKV_AWS_108",
        "CKV_AWS_109",
        "CKV_AWS_110",
        "CKV_AWS_111",
        "CKV_AWS_275",
        "CKV_AWS_286",
        "CKV_AWS_287",
        "CKV_AWS_288",
        "CKV_AWS_289",
        "CKV_AWS_290",
        "CKV2_AWS_40",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Judge the policy's document statement by statement."""
    name = view.label("ManagedPolicyName")
    document = view.peek("PolicyDocument")
    if document in (None, "", {}):
        return unknown(f"managed policy {name} has no policy document to judge")
    found = document_problems(f"policy {name}", document)
    return findings_verdict(view, found, f"managed policy {name}'s statements")


def _policy(*statements: dict[str, Any]) -> Any:
    return example_resource(
        "AWS::IAM::ManagedPolicy",
        {
            "ManagedPolicyName": "app",
            "PolicyDocument": {"Version": "2012-10-17", "Statement": list(statements)},
        },
    )


_BUCKET = "arn:aws:s3:::reports/*"
EXAMPLES = (
    Example(
        "scoped",
        _policy({"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": _BUCKET}),
        FindingStatus.PASS,
    ),
    Example(
        "read-only-listing",
        _policy(
            {"Effect": "Allow", "Action": ["ec2:Describe*", "cloudwatch:PutMetricData"], "Resource": "*"}
        ),
        FindingStatus.PASS,
    ),
    Example("admin", _policy({"Effect": "Allow", "Action": "*", "Resource": "*"}), FindingStatus.FAIL),
    Example(
        "wildcard-action-on-one-bucket",
        _policy({"Effect": "Allow", "Action": "*", "Resource": _BUCKET}),
        FindingStatus.FAIL,
    ),
    Example(
        "all-of-iam", _policy({"Effect": "Allow", "Action": "iam:*", "Resource": "*"}), FindingStatus.FAIL
    ),
    Example(
        "privilege-escalation",
        _policy({"Effect": "Allow", "Action": ["iam:PassRole", "ec2:RunInstances"], "Resource": "*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "credentials-exposure",
        _policy({"Effect": "Allow", "Action": "ec2:GetPasswordData", "Resource": "*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "data-exfiltration",
        _policy({"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "unconstrained-write",
        _policy({"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "narrowed-by-a-condition",
        _policy(
            {
                "Effect": "Allow",
                "Action": "secretsmanager:GetSecretValue",
                "Resource": "*",
                "Condition": {"StringEquals": {"aws:ResourceTag/app": "web"}},
            }
        ),
        FindingStatus.PASS,
    ),
    Example(
        "denied-again",
        _policy(
            {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "*"},
            {"Effect": "Deny", "Action": "ssm:*", "Resource": "*"},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "unknown-resource",
        _policy({"Effect": "Allow", "Action": "s3:GetObject", "Resource": Unresolved("a parameter")}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "wildcard-action-beside-unknown-resource",
        _policy({"Effect": "Allow", "Action": "*", "Resource": Unresolved("a parameter")}),
        FindingStatus.FAIL,
    ),
    Example(
        "unknown-document",
        example_resource("AWS::IAM::ManagedPolicy", {"PolicyDocument": Unresolved("x")}),
        FindingStatus.UNKNOWN,
    ),
)
