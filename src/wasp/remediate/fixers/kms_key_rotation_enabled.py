"""Turn on automatic key rotation."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer


class KeyRotation(Fixer):
    """enable_key_rotation."""

    rule = "kms_key_rotation_enabled"
    collectors = ("kms",)
    title = "Enable automatic KMS key rotation"
    permissions = ("kms:EnableKeyRotation",)
    risk = "None for callers: old key versions stay available for decryption."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Nothing when rotation is on."""
        if resource.properties.get("EnableKeyRotation") is True:
            return []
        return [Call("kms", "enable_key_rotation", {"KeyId": resource.id}, resource.region)]


FIXER = KeyRotation()
