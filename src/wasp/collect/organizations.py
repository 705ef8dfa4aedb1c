"""AWS Organizations: the organisation, its accounts (with their OU path), and SCPs with their targets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
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
        """Nothing when the account is not in an organisation.

        Accounts and SCPs are read from the management account and from any account Organizations answers
        (a delegated administrator): whether a member may read them is decided by what ListRoots answers, a
        denied read being a gap that says to run from the management account or a delegated administrator.
        """
        org = (api.call("describe_organization", absent=NOT_IN_USE, affects=(ORG,)) or {}).get("Organization")
        if not org:
            return
        origin = live(api, None)
        management = org.get("MasterAccountId") == api.account
        supplementary: dict[str, Any] = {
            "ManagementAccountId": org.get("MasterAccountId"),
            "CallerIsManagement": management,
        }

        def organisation() -> Resource:
            return Resource(
                type=ORG,
                id=org["Id"],
                arn=org.get("Arn"),
                origin=origin,
                properties={"FeatureSet": org.get("FeatureSet"), SUPPLEMENTARY: supplementary},
            )

        if management:
            supplementary["DelegatedAdministrators"] = self._delegated(api)
            yield organisation()
            roots = api.pages("list_roots", "Roots", affects=(ACCOUNT, POLICY))
        else:
            try:
                roots = api.pages("list_roots", "Roots", affects=(ACCOUNT, POLICY))
            except CallFailed as failed:
                # a member: the services it administers itself, if Organizations tells it
                supplementary["CallerDelegatedServices"] = self._own_services(api)
                yield organisation()
                _explain_member_denial(api, failed, org["Id"])
                raise
            # a delegated administrator for Organizations lists the delegations as the management account does
            supplementary["DelegatedAdministrators"] = self._delegated(api)
            yield organisation()
        yield from self._tree(api, origin, roots)
        yield from self._policies(api, origin)

    @staticmethod
    def _tree(api: ApiReader, origin: Any, roots: list[Any]) -> Iterator[Resource]:
        """Every account under the roots, with its OU path and the chain of OU ids and names above it."""
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
    def _own_services(api: ApiReader) -> Any:
        """The service principals this (member) account is a delegated administrator for, or the failed read.

        ListDelegatedServicesForAccount answers a member only when it is a delegated administrator of some
        service; a refusal (also what a plain member gets) leaves it unknown.
        """
        try:
            services = api.pages(
                "list_delegated_services_for_account",
                "DelegatedServices",
                AccountId=api.account,
                resource_id="delegated",
                affects=(ORG,),
            )
        except CallFailed as failed:
            return failed.unresolved
        return sorted(svc["ServicePrincipal"] for svc in services)

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


def _explain_member_denial(api: ApiReader, failed: CallFailed, org_id: str) -> None:
    """A member account denied the organisation's tree: reword its gap to say where the read works."""
    if failed.gap.error != "access_denied":
        return
    at = api.gaps.index(failed.gap)
    api.gaps[at] = replace(
        failed.gap,
        message=f"account {api.account} is a member of {org_id} that may not list its accounts and SCPs "
        "(organizations:ListRoots denied): they are readable from the management account or a delegated "
        "administrator for Organizations; run the review from one of them (docs/org.md)",
    )
