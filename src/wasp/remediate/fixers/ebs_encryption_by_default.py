"""Turn on EBS encryption by default in every in-scope region where it is off."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer


class EbsEncryptionByDefault(Fixer):
    """enable_ebs_encryption_by_default per region."""

    rule = "ebs_encryption_by_default"
    collectors = ("ec2",)
    title = "Enable EBS encryption by default"
    permissions = ("ec2:EnableEbsEncryptionByDefault",)
    risk = "New volumes are encrypted with the default EBS key; AMIs shared from unencrypted snapshots still launch."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Only regions reporting it off."""
        regions = resource.properties.get("Regions") or {}
        return [
            Call("ec2", "enable_ebs_encryption_by_default", {}, region)
            for region in (ctx.workload.regions or tuple(regions))
            if (regions.get(region) or {}).get("EbsEncryptionByDefault") is False
        ]


FIXER = EbsEncryptionByDefault()
