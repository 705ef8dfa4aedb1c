"""Workforce identity: IAM Identity Center instances and federation providers (SAML, OIDC)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, guarded, live
from wasp.model import SUPPLEMENTARY, Resource

SSO = "AWS::SSO::Instance"
SAML = "AWS::IAM::SAMLProvider"
OIDC = "AWS::IAM::OIDCProvider"
PERMISSION_SET = "AWS::SSO::PermissionSet"


class IdentityCollector(Collector):
    """Where people sign in from: Identity Center, or a SAML/OIDC identity provider."""

    name = "identity"
    service = "sso-admin"
    resource_types = (SSO, SAML, OIDC, PERMISSION_SET)
    is_global = True
    permissions = (
        "sso:ListInstances",
        "sso:ListPermissionSets",
        "sso:DescribePermissionSet",
        "iam:ListSAMLProviders",
        "iam:ListOpenIDConnectProviders",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Instances and providers; a failure on one kind does not hide the others."""
        origin = live(api, None)
        instances: list[dict[str, str]] = []
        with suppress(
            CallFailed
        ):  # a failure is recorded as a service gap for the Identity Center types only
            instances = api.pages("list_instances", "Instances", affects=(SSO, PERMISSION_SET))
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
            yield from guarded(self._permission_sets(api, inst["InstanceArn"], origin))
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

    @staticmethod
    def _permission_sets(api: ApiReader, instance: str, origin: Any) -> Iterator[Resource]:
        """Each permission set's name and session duration (ISO 8601, e.g. PT8H)."""
        for arn in api.pages(
            "list_permission_sets", "PermissionSets", InstanceArn=instance, affects=(PERMISSION_SET,)
        ):
            props: dict[str, Any] = {"InstanceArn": instance}
            try:
                got = api.call(
                    "describe_permission_set",
                    InstanceArn=instance,
                    PermissionSetArn=arn,
                    resource_id=arn,
                    affects=(PERMISSION_SET,),
                )
                detail = (got or {}).get("PermissionSet", {})
                props["Name"] = detail.get("Name")
                props["SessionDuration"] = detail.get("SessionDuration", "PT1H")
            except CallFailed as failed:
                props["Name"] = arn.rsplit("/", 1)[-1]
                props["SessionDuration"] = failed.unresolved
            yield Resource(type=PERMISSION_SET, id=arn, arn=arn, origin=origin, properties=props)
