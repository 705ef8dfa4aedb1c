"""AWS RAM shares read live (moto): principals inside and outside the organisation."""

from __future__ import annotations

import boto3
import pytest

from conftest import REGION
from test_live_controls import F, P, U, _c, verdicts


@pytest.mark.usefixtures("aws")
def test_shares_read_live() -> None:
    ram = boto3.client("ram", region_name=REGION)
    ram.create_resource_share(name="internal", allowExternalPrincipals=False)
    ram.create_resource_share(name="open", allowExternalPrincipals=True, principals=["444455556666"])
    found = verdicts([_c("ram")], "ram_share_within_org")
    assert found["internal"] is P
    assert found["open"] is F


@pytest.mark.usefixtures("aws")
def test_denied_associations_are_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    from botocore.exceptions import ClientError

    from wasp.collect import api

    real = api.ApiReader.pages

    def pages(self: api.ApiReader, operation: str, key: str, **kwargs: object) -> object:
        if operation == "get_resource_share_associations":
            error = {"Error": {"Code": "AccessDeniedException", "Message": "denied"}}
            raise self._fail(
                ClientError(error, operation),
                "ram",
                operation,
                self.region,
                "principals",
                ("AWS::RAM::ResourceShare",),
            )  # type: ignore[arg-type]
        return real(self, operation, key, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api.ApiReader, "pages", pages)
    boto3.client("ram", region_name=REGION).create_resource_share(
        name="internal", allowExternalPrincipals=False
    )
    assert verdicts([_c("ram")], "ram_share_within_org") == {"internal": U}
