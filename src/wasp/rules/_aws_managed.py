"""The AWS-managed policies that grant admin or service-wide access, with the statements AWS publishes for them.

The live collector reads customer-managed policies only (AWS-managed documents are the same in every account),
so a principal's AWS-managed attachments are judged by this table. Any other AWS-managed policy is a job-scoped
one (AmazonSSMManagedInstanceCore, AWSLambdaBasicExecutionRole...) and is reported in the evidence as assumed
scoped, not read.
"""

from __future__ import annotations

from typing import Any

_ALL = "*"

BROAD_AWS_MANAGED: dict[str, dict[str, Any]] = {
    "AdministratorAccess": {"Statement": [{"Effect": "Allow", "Action": _ALL, "Resource": _ALL}]},
    "PowerUserAccess": {
        "Statement": [
            {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": _ALL},
            {
                "Effect": "Allow",
                "Action": [
                    "iam:CreateServiceLinkedRole",
                    "iam:DeleteServiceLinkedRole",
                    "iam:ListRoles",
                    "organizations:DescribeOrganization",
                    "account:ListRegions",
                    "account:GetAccountInformation",
                ],
                "Resource": _ALL,
            },
        ]
    },
    "IAMFullAccess": {
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["iam:*", "organizations:Describe*", "organizations:List*"],
                "Resource": _ALL,
            }
        ]
    },
    "AmazonS3FullAccess": {
        "Statement": [{"Effect": "Allow", "Action": ["s3:*", "s3-object-lambda:*"], "Resource": _ALL}]
    },
}
"""AWS-managed policy name (the ARN's last part) -> its document."""


def aws_managed_name(arn: str) -> str | None:
    """The name of an AWS-managed policy ARN (``arn:aws:iam::aws:policy/...``), or None for any other ARN."""
    if ":iam::aws:policy/" not in arn:
        return None
    return arn.rsplit("/", 1)[-1]


def aws_managed_document(arn: str) -> dict[str, Any] | None:
    """The document of a broad AWS-managed policy, or None (not AWS-managed, or a job-scoped one)."""
    name = aws_managed_name(arn)
    return BROAD_AWS_MANAGED.get(name) if name else None
