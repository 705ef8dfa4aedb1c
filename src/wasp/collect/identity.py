"""Workforce identity: IAM Identity Center instances and federation providers (SAML, OIDC)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

SSO = "AWS::SSO::Instance"
SAML = "AWS::IAM::SAMLProvider"
OIDC = "AWS::IAM::OIDCProvider"


class IdentityCollector(Collector):
    """Where people sign in from: Identity Center, or a SAML/OIDC identity provider."""

    name = "identity"
    service = "sso-admin"
    resource_types = (SSO, SAML, OIDC)
    is_global = True
    permissions = ("sso:ListInstances", "iam:ListSAMLProviders", "iam:ListOpenIDConnectProviders")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Instances and providers; a failure on one kind does not hide the others."""
        origin = live(api, None)
        instances: list[dict[str, str]] = []
        with suppress(CallFailed):  # a failure is recorded as a service gap for AWS::SSO::Instance only
            instances = api.pages("list_instances", "Instances", affects=(SSO,))
        for inst in instances:
            yield Resource(
                type=SSO,
                id=inst["InstanceArn"],
                arn=inst["InstanceArn"],
                origin=origin,
                properties={
                    "IdentityStoreId": inst.get("IdentityStoreId"),
                    SUPPLEMENTARY: {"Status": inst.get("Status", "ACTIVE")},
                },
            )
        saml = api.call("list_saml_providers", service="iam", affects=(SAML,)) or {}
        for p in saml.get("SAMLProviderList", []):
            yield Resource(
                type=SAML,
                id=p["Arn"],
                arn=p["Arn"],
                origin=origin,
                properties={"Name": p["Arn"].rsplit("/", 1)[-1]},
            )
        oidc = api.call("list_open_id_connect_providers", service="iam", affects=(OIDC,)) or {}
        for p in oidc.get("OpenIDConnectProviderList", []):
            yield Resource(
                type=OIDC,
                id=p["Arn"],
                arn=p["Arn"],
                origin=origin,
                properties={"Url": p["Arn"].split("/", 1)[-1]},
            )
