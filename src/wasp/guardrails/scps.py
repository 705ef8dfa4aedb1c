"""The brief's six foundational service control policies, parameterised, within the SCP size limit."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

SCP_MAX_CHARS = 5120
"""Organizations' limit for an SCP document (whitespace counts, so documents are written minified)."""

GLOBAL_SERVICES = (
    "a4b:*",
    "account:*",
    "aws-portal:*",
    "budgets:*",
    "ce:*",
    "chime:*",
    "cloudfront:*",
    "cur:*",
    "globalaccelerator:*",
    "health:*",
    "iam:*",
    "importexport:*",
    "kms:*",
    "organizations:*",
    "pricing:*",
    "route53:*",
    "route53domains:*",
    "s3:GetAccountPublic*",
    "s3:ListAllMyBuckets",
    "s3:PutAccountPublic*",
    "shield:*",
    "sts:*",
    "support:*",
    "trustedadvisor:*",
    "waf-regional:*",
    "waf:*",
    "wafv2:*",
)
SENSITIVE_ACTIONS = (
    "iam:*",
    "organizations:*",
    "kms:ScheduleKeyDeletion",
    "kms:DisableKey",
    "kms:PutKeyPolicy",
    "s3:DeleteBucket",
    "s3:PutBucketPolicy",
    "s3:PutBucketPublicAccessBlock",
    "ec2:DeleteVpc",
    "rds:DeleteDBInstance",
    "rds:DeleteDBCluster",
    "cloudtrail:*",
    "guardduty:*",
    "config:*",
)


@dataclass(frozen=True)
class Scp:
    """One policy: a name, what it does, and its document."""

    name: str
    description: str
    document: dict[str, Any]

    @property
    def content(self) -> str:
        """The minified JSON Organizations stores."""
        return json.dumps(self.document, separators=(",", ":"))


def _exempt(roles: tuple[str, ...]) -> dict[str, Any]:
    if not roles:
        return {}
    return {"ArnNotLike": {"aws:PrincipalArn": [f"arn:aws:iam::*:role/{r}" for r in roles]}}


def _statement(
    sid: str,
    action: list[str] | str,
    condition: dict[str, Any] | None = None,
    *,
    not_action: bool = False,
    roles: tuple[str, ...] = (),
) -> dict[str, Any]:
    st: dict[str, Any] = {
        "Sid": sid,
        "Effect": "Deny",
        ("NotAction" if not_action else "Action"): action,
        "Resource": "*",
    }
    cond = {**(condition or {}), **_exempt(roles)}
    if cond:
        st["Condition"] = cond
    return st


def foundational_scps(regions: tuple[str, ...], break_glass_roles: tuple[str, ...] = ()) -> list[Scp]:
    """The six policies, with approved regions and break-glass role exemptions."""
    if not regions:
        raise ValueError("at least one approved region is needed")
    pack = [
        Scp(
            "wasp-deny-leave-organization",
            "Deny leaving the organisation",
            {
                "Version": "2012-10-17",
                "Statement": [_statement("DenyLeaveOrganization", "organizations:LeaveOrganization")],
            },
        ),
        Scp(
            "wasp-allow-approved-regions",
            f"Deny requests outside {', '.join(regions)} (global services exempt)",
            {
                "Version": "2012-10-17",
                "Statement": [
                    _statement(
                        "DenyUnapprovedRegions",
                        list(GLOBAL_SERVICES),
                        {"StringNotEquals": {"aws:RequestedRegion": list(regions)}},
                        not_action=True,
                        roles=break_glass_roles,
                    )
                ],
            },
        ),
        Scp(
            "wasp-require-s3-encryption",
            "Deny unencrypted S3 uploads",
            {
                "Version": "2012-10-17",
                "Statement": [
                    _statement(
                        "DenyUnencryptedPut",
                        "s3:PutObject",
                        {"Null": {"s3:x-amz-server-side-encryption": "true"}},
                    ),
                    _statement(
                        "DenyWrongEncryption",
                        "s3:PutObject",
                        {
                            "StringNotEqualsIfExists": {
                                "s3:x-amz-server-side-encryption": ["aws:kms", "AES256", "aws:kms:dsse"]
                            }
                        },
                    ),
                ],
            },
        ),
        Scp(
            "wasp-protect-security-services",
            "Prevent disabling CloudTrail, GuardDuty, Security Hub and Config",
            {
                "Version": "2012-10-17",
                "Statement": [
                    _statement(
                        "ProtectSecurityServices",
                        [
                            "cloudtrail:StopLogging",
                            "cloudtrail:DeleteTrail",
                            "cloudtrail:UpdateTrail",
                            "cloudtrail:PutEventSelectors",
                            "guardduty:DeleteDetector",
                            "guardduty:DisassociateFromMasterAccount",
                            "guardduty:UpdateDetector",
                            "guardduty:DisassociateFromAdministratorAccount",
                            "securityhub:DisableSecurityHub",
                            "securityhub:BatchDisableStandards",
                            "securityhub:DisassociateFromMasterAccount",
                            "config:StopConfigurationRecorder",
                            "config:DeleteConfigurationRecorder",
                            "config:DeleteDeliveryChannel",
                        ],
                        roles=break_glass_roles,
                    )
                ],
            },
        ),
        Scp(
            "wasp-deny-iam-users",
            "Deny creating IAM users and console passwords (use the identity provider)",
            {
                "Version": "2012-10-17",
                "Statement": [
                    _statement(
                        "DenyIamUsers",
                        [
                            "iam:CreateUser",
                            "iam:CreateLoginProfile",
                            "iam:UpdateLoginProfile",
                            "iam:CreateAccessKey",
                        ],
                        roles=break_glass_roles,
                    )
                ],
            },
        ),
        Scp(
            "wasp-require-mfa-for-sensitive-actions",
            "Deny sensitive actions without MFA",
            {
                "Version": "2012-10-17",
                "Statement": [
                    _statement(
                        "RequireMfa",
                        list(SENSITIVE_ACTIONS),
                        {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
                        roles=break_glass_roles,
                    )
                ],
            },
        ),
    ]
    for scp in pack:
        if len(scp.content) > SCP_MAX_CHARS:
            raise ValueError(f"{scp.name} is {len(scp.content)} characters; the SCP limit is {SCP_MAX_CHARS}")
    return pack
