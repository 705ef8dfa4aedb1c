"""Identity Center permission sets and workforce identity read live (moto)."""

from __future__ import annotations

import boto3
import pytest

from conftest import REGION
from test_live_controls import ACCOUNT, F, P, _c, verdicts
from wasp.collect.account import AccountCollector


@pytest.mark.usefixtures("aws")
def test_permission_set_session_duration_read_live() -> None:
    sso = boto3.client("sso-admin", region_name=REGION)
    instance = sso.list_instances()["Instances"][0]["InstanceArn"]
    short = sso.create_permission_set(Name="ReadOnly", InstanceArn=instance, SessionDuration="PT8H")
    day = sso.create_permission_set(Name="Admin", InstanceArn=instance, SessionDuration="PT12H")
    found = verdicts([_c("identity")], "sso_permission_set_session_duration")
    assert found == {
        short["PermissionSet"]["PermissionSetArn"]: P,
        day["PermissionSet"]["PermissionSetArn"]: P,
    }


@pytest.mark.usefixtures("aws")
def test_a_ci_oidc_provider_is_not_a_workforce_identity_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    from wasp.collect import api

    real = api.ApiReader.pages

    def pages(self: api.ApiReader, operation: str, key: str, **kwargs: object) -> object:
        if operation == "list_instances":  # moto always has an instance; a real account may have none
            return []
        return real(self, operation, key, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api.ApiReader, "pages", pages)
    iam = boto3.client("iam", region_name=REGION)
    iam.create_open_id_connect_provider(
        Url="https://token.actions.githubusercontent.com",
        ClientIDList=["sts.amazonaws.com"],
        ThumbprintList=["a" * 40],
    )
    rule = "identity_center_or_federation"
    assert verdicts([AccountCollector(), _c("identity")], rule)[ACCOUNT] is F
    iam.create_saml_provider(
        Name="entra", SAMLMetadataDocument="<EntityDescriptor>" + "x" * 1000 + "</EntityDescriptor>"
    )
    assert verdicts([AccountCollector(), _c("identity")], rule)[ACCOUNT] is P
