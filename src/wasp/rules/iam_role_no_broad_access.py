"""No IAM role holds service-wide access to IAM, KMS or S3, or sts:AssumeRole on any role."""

from __future__ import annotations

from typing import Any

from wasp.model import FindingStatus, Resource, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._iam import broad_verdict

META = RuleMeta(
    title="IAM roles have no service-wide access to IAM, KMS or S3",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::Role",
    related_types=("AWS::IAM::ManagedPolicy",),
    description="iam:*, kms:* or s3:* on every resource (however spelled: a wildcard, NotAction, or a list of "
    "nearly every action), or sts:AssumeRole on any role, lets whoever assumes the role grant itself more, read "
    "every key or every bucket. Inline, managed and separately attached policies all count.",
    remediation=Remediation(
        console="IAM > Roles > ROLE > Permissions: replace service-wide statements with the actions the job needs, "
        "on the resources it needs (IAM Access Analyzer > Generate policy).",
        cli="aws iam put-role-policy --role-name ROLE --policy-name scoped --policy-document file://scoped.json",
        cloudformation="Policies: list the actions and resource ARNs the role uses instead of 'iam:*' / 's3:*' on '*'.",
        terraform="data \"aws_iam_policy_document\" with the role's actions and resource ARNs instead of 'service:*' on '*'.",
    ),
    checkov=("CKV2_AWS_56",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Skip service-linked roles; fail service-wide grants on sensitive services."""
    if str(view.get("Path", "/")).startswith("/aws-service-role/"):
        return None
    return broad_verdict(view, ctx, f"role {view.label('RoleName')}", follow_groups=False)


def _role(*statements: dict[str, Any]) -> Resource:
    document = {"Statement": list(statements)}
    return example_resource(
        "AWS::IAM::Role", {"RoleName": "app", "Policies": [{"PolicyName": "p", "PolicyDocument": document}]}
    )


_DATA_ARN = "arn:aws:iam::111122223333:policy/data"
_S3_ALL = {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
EXAMPLES = (
    Example(
        "scoped",
        _role({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}),
        FindingStatus.PASS,
    ),
    Example(
        "s3-everywhere", _role({"Effect": "Allow", "Action": "s3:*", "Resource": "*"}), FindingStatus.FAIL
    ),
    Example(
        "s3-one-bucket",
        _role({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}),
        FindingStatus.PASS,
    ),
    Example(
        "kms-all-keys",
        _role({"Effect": "Allow", "Action": "kms:*", "Resource": "arn:aws:kms:*:*:key/*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "assume-any-role",
        _role({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "iam-via-notaction",
        _role({"Effect": "Allow", "NotAction": ["ec2:*", "s3:*", "kms:*", "sts:*"], "Resource": "*"}),
        FindingStatus.FAIL,
    ),
    Example(
        "iam-denied",
        _role(
            {"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
            {"Effect": "Deny", "Action": "iam:*", "Resource": "*"},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "full-access-policy",
        example_resource(
            "AWS::IAM::Role",
            {"RoleName": "app", "ManagedPolicyArns": ["arn:aws:iam::aws:policy/IAMFullAccess"]},
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "customer-managed-policy",
        example_resource("AWS::IAM::Role", {"RoleName": "app", "ManagedPolicyArns": [_DATA_ARN]}),
        FindingStatus.FAIL,
        (example_resource("AWS::IAM::ManagedPolicy", {"PolicyDocument": _S3_ALL}, _DATA_ARN),),
    ),
)
