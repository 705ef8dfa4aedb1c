"""AWS Organizations: the organisation, its accounts (with their OU path), and SCPs with their targets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

ORG = "AWS::Organizations::Organization"
ACCOUNT = "AWS::Organizations::Account"
POLICY = "AWS::Organizations::Policy"
NOT_IN_USE = ("AWSOrganizationsNotInUseException",)


class OrganizationsCollector(Collector):
    """The organisation, accounts by OU, and service control policies (management or delegated admin)."""

    name = "organizations"
    service = "organizations"
    resource_types = (ORG, ACCOUNT, POLICY)
    is_global = True
    permissions = (
        "organizations:DescribeOrganization",
        "organizations:ListRoots",
        "organizations:ListOrganizationalUnitsForParent",
        "organizations:ListAccountsForParent",
        "organizations:ListPolicies",
        "organizations:DescribePolicy",
        "organizations:ListTargetsForPolicy",
        "organizations:ListDelegatedAdministrators",
        "organizations:ListDelegatedServicesForAccount",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Nothing when the account is not in an organisation; member accounts see only the organisation."""
        org = (api.call("describe_organization", absent=NOT_IN_USE, affects=(ORG,)) or {}).get("Organization")
        if not org:
            return
        origin = live(api, None)
        supplementary: dict[str, Any] = {
            "ManagementAccountId": org.get("MasterAccountId"),
            "CallerIsManagement": org.get("MasterAccountId") == api.account,
        }
        if org.get("MasterAccountId") == api.account:
            supplementary["DelegatedAdministrators"] = self._delegated(api)
        yield Resource(
            type=ORG,
            id=org["Id"],
            arn=org.get("Arn"),
            origin=origin,
            properties={"FeatureSet": org.get("FeatureSet"), SUPPLEMENTARY: supplementary},
        )
        if org.get("MasterAccountId") != api.account:
            api.record_gap(
                "list_accounts_for_parent",
                "access_denied",
                f"account {api.account} is a member of {org['Id']}: accounts and SCPs are readable only "
                "from the management account or a delegated administrator",
                (ACCOUNT, POLICY),
            )
            return
        roots = api.pages("list_roots", "Roots", affects=(ACCOUNT, POLICY))
        # (parent id, path of names, the ids and names from the root down to the parent): SCPs apply by id
        stack: list[tuple[str, str, list[dict[str, str]]]] = [
            (r["Id"], "Root", [{"Id": r["Id"], "Name": "Root"}]) for r in roots
        ]
        while stack:
            parent, path, chain = stack.pop()
            for acct in api.pages(
                "list_accounts_for_parent", "Accounts", ParentId=parent, affects=(ACCOUNT,)
            ):
                yield Resource(
                    type=ACCOUNT,
                    id=acct["Id"],
                    arn=acct.get("Arn"),
                    origin=origin,
                    properties={
                        "AccountId": acct["Id"],
                        "AccountName": acct.get("Name", ""),
                        "Email": acct.get("Email", ""),
                        "ParentIds": [parent],
                        SUPPLEMENTARY: {"OuPath": path, "OuChain": chain, "Status": acct.get("Status")},
                    },
                )
            for ou in api.pages(
                "list_organizational_units_for_parent",
                "OrganizationalUnits",
                ParentId=parent,
                affects=(ACCOUNT,),
            ):
                name = ou.get("Name", ou["Id"])
                stack.append((ou["Id"], f"{path}/{name}", [*chain, {"Id": ou["Id"], "Name": name}]))
        yield from self._policies(api, origin)

    @staticmethod
    def _delegated(api: ApiReader) -> Any:
        """Service principal -> the accounts delegated to administer it (the failed read's marker if denied)."""
        try:
            admins = api.pages(
                "list_delegated_administrators",
                "DelegatedAdministrators",
                resource_id="delegated",
                affects=(ORG,),
            )
            out: dict[str, list[str]] = {}
            for admin in admins:
                for svc in api.pages(
                    "list_delegated_services_for_account",
                    "DelegatedServices",
                    AccountId=admin["Id"],
                    resource_id="delegated",
                    affects=(ORG,),
                ):
                    out.setdefault(svc["ServicePrincipal"], []).append(admin["Id"])
        except CallFailed as failed:
            return failed.unresolved
        return out

    @staticmethod
    def _policies(api: ApiReader, origin: Any) -> Iterator[Resource]:
        for summary in api.pages(
            "list_policies", "Policies", Filter="SERVICE_CONTROL_POLICY", affects=(POLICY,)
        ):
            pid = summary["Id"]
            try:
                detail = (
                    api.call("describe_policy", PolicyId=pid, resource_id=pid, affects=(POLICY,)) or {}
                ).get("Policy", {})
                content: Any = json.loads(detail.get("Content", "{}"))
            except CallFailed as failed:
                content = failed.unresolved
            except ValueError:
                content = {}
            try:
                targets: Any = [
                    t["TargetId"]
                    for t in api.pages(
                        "list_targets_for_policy", "Targets", PolicyId=pid, resource_id=pid, affects=(POLICY,)
                    )
                ]
            except CallFailed as failed:
                targets = failed.unresolved
            yield Resource(
                type=POLICY,
                id=pid,
                arn=summary.get("Arn"),
                origin=origin,
                properties={
                    "Name": summary.get("Name"),
                    "Type": "SERVICE_CONTROL_POLICY",
                    "Content": content,
                    "TargetIds": targets,
                    SUPPLEMENTARY: {"AwsManaged": bool(summary.get("AwsManaged"))},
                },
            )
