"""IAM in bulk: users, groups, roles and customer-managed policies from one paginated call, and keys,
passwords and MFA from the credential report. The one per-user call is ListAccessKeys, only for users the
report shows with a key: the report names keys by slot, and remediation needs each key's real id."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import SUPPLEMENTARY, Resource, Unresolved

KEY_TYPE = "AWS::IAM::AccessKey"
REPORT_WAIT_SECONDS = 30.0


def _doc(raw: Any) -> Any:
    """Policy documents arrive URL-encoded JSON strings from some endpoints, dicts from others."""
    if isinstance(raw, str):
        try:
            return json.loads(unquote(raw))
        except ValueError:
            return raw
    return raw


def _inline(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"PolicyName": p["PolicyName"], "PolicyDocument": _doc(p.get("PolicyDocument"))} for p in items]


def _managed(items: list[dict[str, Any]]) -> list[str]:
    return [p["PolicyArn"] for p in items]


def _date(value: str | None) -> str | None:
    return None if value in (None, "", "N/A", "no_information", "not_supported") else value


def _second(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(microsecond=0)


def _slot_key_id(
    rotated: str, active: bool, listed: list[dict[str, Any]], taken: set[str]
) -> str | Unresolved:
    """The id of the key in a credential-report slot: the listed key created in the same second (the report's
    precision), told apart by status when two share that second; unknown when no single key fits."""
    created = _second(datetime.fromisoformat(rotated))
    same = [k for k in listed if _second(k["CreateDate"]) == created and k["AccessKeyId"] not in taken]
    if len(same) > 1:
        same = [k for k in same if (k.get("Status") == "Active") == active]
    if len(same) == 1:
        return str(same[0]["AccessKeyId"])
    if not same:
        return Unresolved("the credential report is older than the key list (no key created at that time)")
    return Unresolved(
        "two keys were created in the same second with the same status; which is which is unknown"
    )


class IamCollector(Collector):
    """Users, groups, roles, customer-managed policies and access keys."""

    name = "iam"
    service = "iam"
    cost = 2  # waits for the credential report
    resource_types = (
        "AWS::IAM::User",
        "AWS::IAM::Group",
        "AWS::IAM::Role",
        "AWS::IAM::ManagedPolicy",
        KEY_TYPE,
    )
    is_global = True
    permissions = (
        "iam:GetAccountAuthorizationDetails",
        "iam:GenerateCredentialReport",
        "iam:GetCredentialReport",
        "iam:ListAccessKeys",
    )

    def _report(self, api: ApiReader) -> dict[str, dict[str, str]] | Unresolved:
        try:
            deadline = time.monotonic() + REPORT_WAIT_SECONDS
            while True:
                state = api.call("generate_credential_report", affects=(KEY_TYPE,)) or {}
                if state.get("State") == "COMPLETE" or time.monotonic() > deadline:
                    break
                time.sleep(1.0)
            report = api.call("get_credential_report", affects=(KEY_TYPE,)) or {}
        except CallFailed as failed:
            return failed.unresolved
        content = report.get("Content", b"")
        text = content.decode("utf-8") if isinstance(content, bytes) else str(content)
        return {row["user"]: row for row in csv.DictReader(io.StringIO(text))}

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Everything from get_account_authorization_details plus the credential report."""
        origin = live(api, None)
        details = api.pages_of(
            "get_account_authorization_details",
            ("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"),
            Filter=["User", "Role", "Group", "LocalManagedPolicy"],
            affects=self.resource_types,
        )
        users, groups = details["UserDetailList"], details["GroupDetailList"]
        roles, policies = details["RoleDetailList"], details["Policies"]
        report = self._report(api)

        for u in users:
            row = report.get(u["UserName"]) if isinstance(report, dict) else None
            supp: dict[str, Any] = {"CreateDate": str(u.get("CreateDate", ""))}
            login: Any
            if isinstance(report, Unresolved):
                login, supp["MfaActive"] = report, report
            else:
                login = {"Password": "***"} if row and row.get("password_enabled") == "true" else None
                supp["MfaActive"] = bool(row and row.get("mfa_active") == "true")
                supp["PasswordLastUsed"] = _date(row.get("password_last_used")) if row else None
            yield Resource(
                type="AWS::IAM::User",
                id=u["UserName"],
                arn=u["Arn"],
                origin=origin,
                properties={
                    "UserName": u["UserName"],
                    "Path": u.get("Path", "/"),
                    "Groups": list(u.get("GroupList", [])),
                    "ManagedPolicyArns": _managed(u.get("AttachedManagedPolicies", [])),
                    "Policies": _inline(u.get("UserPolicyList", [])),
                    "PermissionsBoundary": (u.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn"),
                    "LoginProfile": login,
                    "Tags": tags_from(u.get("Tags")),
                    SUPPLEMENTARY: supp,
                },
            )
            if row:
                yield from self._keys(api, u, row)

        for g in groups:
            yield Resource(
                type="AWS::IAM::Group",
                id=g["GroupName"],
                arn=g["Arn"],
                origin=origin,
                properties={
                    "GroupName": g["GroupName"],
                    "Path": g.get("Path", "/"),
                    "ManagedPolicyArns": _managed(g.get("AttachedManagedPolicies", [])),
                    "Policies": _inline(g.get("GroupPolicyList", [])),
                },
            )
        for r in roles:
            profiles = [p.get("InstanceProfileName") for p in r.get("InstanceProfileList", [])]
            yield Resource(
                type="AWS::IAM::Role",
                id=r["RoleName"],
                arn=r["Arn"],
                origin=origin,
                properties={
                    "RoleName": r["RoleName"],
                    "Path": r.get("Path", "/"),
                    "AssumeRolePolicyDocument": _doc(r.get("AssumeRolePolicyDocument")),
                    "ManagedPolicyArns": _managed(r.get("AttachedManagedPolicies", [])),
                    "Policies": _inline(r.get("RolePolicyList", [])),
                    "PermissionsBoundary": (r.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn"),
                    "Tags": tags_from(r.get("Tags")),
                    SUPPLEMENTARY: {
                        "CreateDate": str(r.get("CreateDate", "")),
                        "InstanceProfiles": profiles,
                        "LastUsedDate": str((r.get("RoleLastUsed") or {}).get("LastUsedDate", "")) or None,
                    },
                },
            )
        for p in policies:
            name = p.get("PolicyName") or p["Arn"].rsplit("/", 1)[-1]  # moto omits PolicyName
            default: dict[str, Any] = next(
                (v for v in p.get("PolicyVersionList", []) if v.get("IsDefaultVersion")), {}
            )
            yield Resource(
                type="AWS::IAM::ManagedPolicy",
                id=name,
                arn=p["Arn"],
                origin=origin,
                properties={
                    "ManagedPolicyName": name,
                    "Path": p.get("Path", "/"),
                    "PolicyDocument": _doc(default.get("Document")),
                    SUPPLEMENTARY: {"AttachmentCount": p.get("AttachmentCount", 0)},
                },
            )

    @staticmethod
    def _listed_keys(api: ApiReader, user: str) -> list[dict[str, Any]] | Unresolved:
        """The user's keys from ListAccessKeys: the ids the credential report does not give."""
        try:
            listed = api.call("list_access_keys", UserName=user, resource_id=user, affects=(KEY_TYPE,)) or {}
        except CallFailed as failed:
            return failed.unresolved
        return list(listed.get("AccessKeyMetadata", []))

    @staticmethod
    def _keys(api: ApiReader, user: dict[str, Any], row: dict[str, str]) -> Iterator[Resource]:
        slots = [(n, r) for n in (1, 2) if (r := _date(row.get(f"access_key_{n}_last_rotated"))) is not None]
        listed = IamCollector._listed_keys(api, user["UserName"]) if slots else []
        taken: set[str] = set()
        for n, rotated in slots:
            active = row.get(f"access_key_{n}_active") == "true"
            key_id = (
                listed if isinstance(listed, Unresolved) else _slot_key_id(rotated, active, listed, taken)
            )
            if isinstance(key_id, str):
                taken.add(key_id)
            yield Resource(
                type=KEY_TYPE,
                id=f"{user['UserName']}/{key_id if isinstance(key_id, str) else f'key{n}'}",
                origin=live(api, None),
                properties={
                    "UserName": user["UserName"],
                    "AccessKeyId": key_id,
                    "Status": "Active" if active else "Inactive",
                    SUPPLEMENTARY: {
                        "CreateDate": rotated,
                        "LastUsedDate": _date(row.get(f"access_key_{n}_last_used_date")),
                        "Slot": n,
                    },
                },
            )
