"""Delegated administrators and the organisation trail read live (moto organizations and CloudTrail)."""

from __future__ import annotations

import boto3
import pytest

from conftest import REGION
from test_live_controls import ACCOUNT, F, P, _c, verdicts
from wasp.collect.account import AccountCollector

PRINCIPALS = (
    "guardduty.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "securityhub.amazonaws.com",
    "inspector2.amazonaws.com",
)


@pytest.mark.usefixtures("aws")
def test_delegated_administrators_read_from_the_management_account(monkeypatch: pytest.MonkeyPatch) -> None:
    from moto.organizations.models import FakeDelegatedAdministrator

    # moto delegates only some services; Security Hub and Inspector are added here (docs/emulator-gaps.md)
    supported = [*FakeDelegatedAdministrator.SUPPORTED_SERVICES, *PRINCIPALS[2:]]
    monkeypatch.setattr(FakeDelegatedAdministrator, "SUPPORTED_SERVICES", supported)
    org = boto3.client("organizations", region_name=REGION)
    org.create_organization(FeatureSet="ALL")
    security = org.create_account(AccountName="security", Email="sec@example.com")["CreateAccountStatus"][
        "AccountId"
    ]
    collectors = [AccountCollector(), _c("organizations")]
    for principal in PRINCIPALS[:-1]:
        org.register_delegated_administrator(AccountId=security, ServicePrincipal=principal)
    assert verdicts(collectors, "org_security_delegated_admins")[ACCOUNT] is F  # Inspector missing
    org.register_delegated_administrator(AccountId=security, ServicePrincipal=PRINCIPALS[-1])
    assert verdicts(collectors, "org_security_delegated_admins")[ACCOUNT] is P


@pytest.mark.usefixtures("aws")
def test_organization_trail_read_from_the_management_account() -> None:
    boto3.client("organizations", region_name=REGION).create_organization(FeatureSet="ALL")
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="org-trail-logs", CreateBucketConfiguration={"LocationConstraint": REGION})
    trails = boto3.client("cloudtrail", region_name=REGION)
    trails.create_trail(Name="account", S3BucketName="org-trail-logs", IsMultiRegionTrail=True)
    collectors = [AccountCollector(), _c("organizations"), _c("cloudtrail")]
    assert verdicts(collectors, "cloudtrail_organization_trail")[ACCOUNT] is F
    trails.create_trail(
        Name="org", S3BucketName="org-trail-logs", IsMultiRegionTrail=True, IsOrganizationTrail=True
    )
    assert verdicts(collectors, "cloudtrail_organization_trail")[ACCOUNT] is P
