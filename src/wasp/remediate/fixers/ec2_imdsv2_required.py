"""Require IMDSv2 on an instance."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer


class InstanceImdsV2(Fixer):
    """modify_instance_metadata_options HttpTokens=required."""

    rule = "ec2_imdsv2_required"
    collectors = ("ec2",)
    title = "Require IMDSv2 on the instance"
    permissions = ("ec2:ModifyInstanceMetadataOptions",)
    risk = "Software on the instance that still uses IMDSv1 (old SDKs, scripts calling the metadata URL) fails to get credentials."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Nothing when tokens are already required."""
        if (resource.properties.get("MetadataOptions") or {}).get("HttpTokens") == "required":
            return []
        return [
            Call(
                "ec2",
                "modify_instance_metadata_options",
                {"InstanceId": resource.id, "HttpTokens": "required", "HttpEndpoint": "enabled"},
                resource.region,
            )
        ]


FIXER = InstanceImdsV2()
