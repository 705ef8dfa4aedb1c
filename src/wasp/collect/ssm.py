"""Systems Manager in one region: managed instances and patch compliance, parameters (never their values),
and the account's own documents with their sharing and, for Session Manager preferences, their content."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, guarded, live
from wasp.model import SUPPLEMENTARY, Resource

MANAGED = "WASP::SSM::ManagedInstance"
"""No CloudFormation type describes SSM's view of an instance; the design allows WASP:: types for this."""
PARAMETER = "AWS::SSM::Parameter"
DOCUMENT = "AWS::SSM::Document"


def document_content(text: Any) -> Any:
    """A document's content (asked for as JSON, whatever its own format) as an object ({} if unparsable)."""
    if not isinstance(text, str):
        return {}
    try:
        parsed = json.loads(text)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


class SsmCollector(Collector):
    """Managed instances (ping status, agent) with patch compliance; parameters; the account's documents."""

    name = "ssm"
    service = "ssm"
    resource_types = (MANAGED, PARAMETER, DOCUMENT)
    permissions = (
        "ssm:DescribeInstanceInformation",
        "ssm:DescribeInstancePatchStates",
        "ssm:DescribeParameters",
        "ssm:ListDocuments",
        "ssm:DescribeDocumentPermission",
        "ssm:GetDocument",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Three independent parts: a failed listing in one does not hide the others."""
        yield from guarded(self._instances(api))
        yield from guarded(self._parameters(api))
        yield from guarded(self._documents(api))

    @staticmethod
    def _instances(api: ApiReader) -> Iterator[Resource]:
        """describe_instance_information, then patch states for those instances in batches of 50."""
        infos = api.pages("describe_instance_information", "InstanceInformationList", affects=(MANAGED,))
        ids = [i["InstanceId"] for i in infos]
        states: dict[str, dict[str, object]] = {}
        for start in range(0, len(ids), 50):
            got = api.pages(
                "describe_instance_patch_states",
                "InstancePatchStates",
                InstanceIds=ids[start : start + 50],
                affects=(MANAGED,),
            )
            states.update({s["InstanceId"]: s for s in got})
        for info in infos:
            state = states.get(info["InstanceId"], {})
            missing = int(str(state.get("MissingCount", 0))) + int(str(state.get("FailedCount", 0)))
            yield Resource(
                type=MANAGED,
                id=info["InstanceId"],
                origin=live(api, api.region),
                properties={
                    "PingStatus": info.get("PingStatus"),
                    "PlatformName": info.get("PlatformName"),
                    "PatchMissingOrFailed": missing if state else None,
                },
            )

    @staticmethod
    def _parameters(api: ApiReader) -> Iterator[Resource]:
        """describe_parameters: name, type and key; values are never read."""
        for p in api.pages("describe_parameters", "Parameters", affects=(PARAMETER,)):
            supplementary: dict[str, Any] = {}
            if p.get("KeyId"):
                supplementary["KeyId"] = p["KeyId"]
            yield Resource(
                type=PARAMETER,
                id=p["Name"],
                arn=p.get("ARN"),
                origin=live(api, api.region),
                properties={
                    "Name": p["Name"],
                    "Type": p.get("Type"),
                    "Tier": p.get("Tier"),
                    "DataType": p.get("DataType"),
                    SUPPLEMENTARY: supplementary,
                },
            )

    @staticmethod
    def _documents(api: ApiReader) -> Iterator[Resource]:
        """The account's own documents: who each is shared with; Session documents' content (preferences)."""
        for d in api.pages(
            "list_documents",
            "DocumentIdentifiers",
            Filters=[{"Key": "Owner", "Values": ["Self"]}],
            affects=(DOCUMENT,),
        ):
            name = d["Name"]
            shared: Any
            try:
                got = api.call(
                    "describe_document_permission",
                    Name=name,
                    PermissionType="Share",
                    resource_id=name,
                    affects=(DOCUMENT,),
                )
                shared = sorted((got or {}).get("AccountIds", []))
            except CallFailed as failed:
                shared = failed.unresolved
            props: dict[str, Any] = {
                "Name": name,
                "DocumentType": d.get("DocumentType"),
                "DocumentFormat": d.get("DocumentFormat"),
                SUPPLEMENTARY: {"SharedWith": shared},
            }
            if d.get("DocumentType") == "Session":
                try:
                    doc = api.call(
                        "get_document",
                        Name=name,
                        DocumentFormat="JSON",
                        resource_id=name,
                        affects=(DOCUMENT,),
                    )
                    props["Content"] = document_content((doc or {}).get("Content"))
                except CallFailed as failed:
                    props["Content"] = failed.unresolved
            yield Resource(type=DOCUMENT, id=name, origin=live(api, api.region), properties=props)
