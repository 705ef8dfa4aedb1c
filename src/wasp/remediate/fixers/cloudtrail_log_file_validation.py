"""Turn on CloudTrail log-file validation."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer


class TrailValidation(Fixer):
    """update_trail EnableLogFileValidation=True."""

    rule = "cloudtrail_log_file_validation"
    collectors = ("cloudtrail",)
    title = "Enable CloudTrail log-file validation"
    permissions = ("cloudtrail:UpdateTrail",)
    risk = "None: digest files are added beside the logs."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Nothing when already on."""
        if resource.properties.get("EnableLogFileValidation") is True:
            return []
        return [
            Call(
                "cloudtrail",
                "update_trail",
                {"Name": resource.arn or resource.id, "EnableLogFileValidation": True},
                resource.region,
            )
        ]


FIXER = TrailValidation()
