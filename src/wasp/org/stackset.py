"""The member-account role as a CloudFormation template for a service-managed StackSet (`wasp permissions --stackset`).

Deployed to an OU with a StackSet, every member account (and every account that joins it later) gets the same
read-only role, trusted by the account wasp runs from (or by its hub role), with an optional external id.
"""

from __future__ import annotations

from typing import Any

from wasp.model.org import SESSION_NAME

MAX_INLINE_POLICY = 10_240
"""IAM's limit on a role's inline policies, in characters (whitespace excluded)."""


def member_role_template(
    actions: list[str], trusted: str, role_name: str = "WaspReadOnly", external_id: str | None = None
) -> dict[str, Any]:
    """A template with one role: ``actions`` read-only on ``*``, assumable by ``trusted`` (account id or role ARN)."""
    principal = trusted if trusted.startswith("arn:") else f"arn:aws:iam::{trusted}:root"
    condition: dict[str, Any] = {"StringEquals": {"sts:RoleSessionName": SESSION_NAME}}
    if external_id:
        condition["StringEquals"]["sts:ExternalId"] = external_id
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "wasp read-only review role for organisation member accounts (deploy with a StackSet)",
        "Resources": {
            "WaspReadOnlyRole": {
                "Type": "AWS::IAM::Role",
                "Properties": {
                    "RoleName": role_name,
                    "Description": "Read-only role wasp assumes to review this account",
                    "MaxSessionDuration": 43200,
                    "AssumeRolePolicyDocument": {
                        "Version": "2012-10-17",
                        "Statement": [
                            {
                                "Effect": "Allow",
                                "Principal": {"AWS": principal},
                                "Action": "sts:AssumeRole",
                                "Condition": condition,
                            }
                        ],
                    },
                    "Policies": [
                        {
                            "PolicyName": "WaspReadOnly",
                            "PolicyDocument": {
                                "Version": "2012-10-17",
                                "Statement": [
                                    {
                                        "Sid": "WaspReadOnly",
                                        "Effect": "Allow",
                                        "Action": actions,
                                        "Resource": "*",
                                    }
                                ],
                            },
                        }
                    ],
                },
            }
        },
        "Outputs": {"RoleArn": {"Value": {"Fn::GetAtt": ["WaspReadOnlyRole", "Arn"]}}},
    }
