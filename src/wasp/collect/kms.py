"""KMS keys in one region: state, manager, spec, rotation and key policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

KEY = "AWS::KMS::Key"
DETAIL_PROPERTIES = (
    "Description",
    "Enabled",
    "KeySpec",
    "KeyUsage",
    "MultiRegion",
    SUPPLEMENTARY,
    "EnableKeyRotation",
    "KeyPolicy",
)
"""What describe_key (and the reads that depend on it) would fill: unknown when it failed."""


class KmsCollector(Collector):
    """Customer-managed keys in detail; AWS-managed keys are listed but not read further."""

    name = "kms"
    service = "kms"
    cost = 3  # three reads per customer-managed key
    resource_types = (KEY,)
    permissions = (
        "kms:ListKeys",
        "kms:DescribeKey",
        "kms:GetKeyRotationStatus",
        "kms:GetKeyPolicy",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_keys, then describe each; rotation, policy and tags only for customer-managed keys."""
        for item in api.pages("list_keys", "Keys", affects=(KEY,)):
            key_id = item["KeyId"]
            try:
                meta = (api.call("describe_key", KeyId=key_id, resource_id=key_id, affects=(KEY,)) or {}).get(
                    "KeyMetadata", {}
                )
            except CallFailed as failed:
                # The key exists but nothing more is known: keep it, every detail unknown, so its rules
                # answer unknown (dropping it would make key practices look not applicable).
                yield Resource(
                    type=KEY,
                    id=key_id,
                    arn=item.get("KeyArn"),
                    origin=live(api, api.region),
                    properties=dict.fromkeys(DETAIL_PROPERTIES, failed.unresolved),
                )
                continue
            manager = meta.get("KeyManager", "CUSTOMER")
            props: dict[str, Any] = {
                "Description": meta.get("Description", ""),
                "Enabled": bool(meta.get("Enabled")),
                "KeySpec": meta.get("KeySpec") or meta.get("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT"),
                "KeyUsage": meta.get("KeyUsage"),
                "MultiRegion": bool(meta.get("MultiRegion")),
                SUPPLEMENTARY: {"KeyManager": manager, "KeyState": meta.get("KeyState")},
            }
            if manager == "CUSTOMER" and meta.get("KeyState") not in (
                "PendingDeletion",
                "PendingReplicaDeletion",
            ):
                props.update(self._details(api, key_id, props["KeySpec"]))
            yield Resource(
                type=KEY, id=key_id, arn=meta.get("Arn"), origin=live(api, api.region), properties=props
            )

    @staticmethod
    def _details(api: ApiReader, key_id: str, spec: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if spec == "SYMMETRIC_DEFAULT":
            try:
                rot = (
                    api.call("get_key_rotation_status", KeyId=key_id, resource_id=key_id, affects=(KEY,))
                    or {}
                )
                out["EnableKeyRotation"] = bool(rot.get("KeyRotationEnabled"))
            except CallFailed as failed:
                out["EnableKeyRotation"] = failed.unresolved
        try:
            pol = (
                api.call(
                    "get_key_policy", KeyId=key_id, PolicyName="default", resource_id=key_id, affects=(KEY,)
                )
                or {}
            )
            out["KeyPolicy"] = (
                json.loads(pol["Policy"]) if isinstance(pol.get("Policy"), str) else pol.get("Policy")
            )
        except CallFailed as failed:
            out["KeyPolicy"] = failed.unresolved
        return out
