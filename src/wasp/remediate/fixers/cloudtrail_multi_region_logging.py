"""Make an existing trail multi-region and logging (a new trail needs a log bucket: not created here)."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer, FixImpossible


class MultiRegionTrail(Fixer):
    """update_trail IsMultiRegionTrail and IncludeGlobalServiceEvents, then start_logging."""

    rule = "cloudtrail_multi_region_logging"
    collectors = ("account", "cloudtrail")
    title = "Make the trail multi-region and logging"
    permissions = ("cloudtrail:UpdateTrail", "cloudtrail:StartLogging")
    risk = "More events are delivered to the trail's bucket (and billed for data events if configured)."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Update the first trail; refuse when there is none (creating one needs a protected bucket)."""
        trails = ctx.inventory.of_type("AWS::CloudTrail::Trail") if ctx.inventory is not None else []
        if ctx.inventory is None:
            names = resource.properties.get("trails") or []
            if not names:
                return [Call("cloudtrail", "update_trail", {"Name": "(no trail exists: create one first)"})]
            return [
                Call(
                    "cloudtrail",
                    "update_trail",
                    {"Name": names[0], "IsMultiRegionTrail": True, "IncludeGlobalServiceEvents": True},
                ),
                Call("cloudtrail", "start_logging", {"Name": names[0]}),
            ]
        good = [t for t in trails if t.properties.get("IsMultiRegionTrail") and t.properties.get("IsLogging")]
        if good:
            return []
        if not trails:
            raise FixImpossible(
                "no trail exists: create an organisation trail with a locked, private log bucket "
                "(see the rule's CloudFormation remediation)"
            )
        t = trails[0]
        out = []
        if not t.properties.get("IsMultiRegionTrail"):
            out.append(
                Call(
                    "cloudtrail",
                    "update_trail",
                    {"Name": t.arn or t.id, "IsMultiRegionTrail": True, "IncludeGlobalServiceEvents": True},
                    t.region,
                )
            )
        if not t.properties.get("IsLogging"):
            out.append(Call("cloudtrail", "start_logging", {"Name": t.arn or t.id}, t.region))
        return out


FIXER = MultiRegionTrail()
