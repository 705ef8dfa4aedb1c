"""Require IMDSv2 in a launch template: a new version with tokens required, made the default."""

from __future__ import annotations

from typing import Any

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer


class LaunchTemplateImdsV2(Fixer):
    """create_launch_template_version from the default, then modify_launch_template to make it the default."""

    rule = "ec2_launch_template_imdsv2"
    collectors = ("ec2",)
    title = "Require IMDSv2 in the launch template"
    permissions = (
        "ec2:CreateLaunchTemplateVersion",
        "ec2:ModifyLaunchTemplate",
        "ec2:DescribeLaunchTemplates",
    )
    risk = "Instances launched from now on require IMDSv2; running instances are unchanged."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Nothing when the default version already requires tokens."""
        meta = (resource.properties.get("LaunchTemplateData") or {}).get("MetadataOptions") or {}
        if meta.get("HttpTokens") == "required":
            return []
        return [
            Call(
                "ec2",
                "create_launch_template_version",
                {
                    "LaunchTemplateId": resource.id,
                    "SourceVersion": "$Default",
                    "LaunchTemplateData": {
                        "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled"}
                    },
                },
                resource.region,
            ),
            Call(
                "ec2",
                "modify_launch_template",
                {"LaunchTemplateId": resource.id, "DefaultVersion": "@latest"},
                resource.region,
            ),
        ]

    def resolve(self, call: Call, client: Any) -> Call:
        """The new version's number is known only after the first call."""
        if call.params.get("DefaultVersion") != "@latest":
            return call
        latest = client.describe_launch_templates(LaunchTemplateIds=[call.params["LaunchTemplateId"]])[
            "LaunchTemplates"
        ][0]
        return Call(
            call.service,
            call.operation,
            {**call.params, "DefaultVersion": str(latest["LatestVersionNumber"])},
            call.region,
        )


FIXER = LaunchTemplateImdsV2()
