"""Make an existing trail multi-region and logging (a new trail needs a log bucket: not created here)."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer, FixImpossible, NeedsInput

TRAIL = "AWS::CloudTrail::Trail"
NO_TRAIL = NeedsInput(
    "a trail to make multi-region, but no trail exists (a new one needs a locked, private S3 log bucket)",
    "no workload-file field or option provides these: create the trail (the rule's CloudFormation "
    "remediation shows how), then review again",
)


class MultiRegionTrail(Fixer):
    """update_trail IsMultiRegionTrail and IncludeGlobalServiceEvents, then start_logging."""

    rule = "cloudtrail_multi_region_logging"
    collectors = ("account", "cloudtrail")
    title = "Make the trail multi-region and logging"
    permissions = ("cloudtrail:UpdateTrail", "cloudtrail:StartLogging")
    risk = "More events are delivered to the trail's bucket (and billed for data events if configured)."

    def needs(self, resource: Resource, ctx: FixContext) -> NeedsInput | None:
        """A trail to update: from the re-read inventory at apply time, else the trails the review noted."""
        if ctx.inventory is not None:
            return None if ctx.inventory.of_type(TRAIL) else NO_TRAIL
        noted = resource.properties.get("trails")
        return NO_TRAIL if isinstance(noted, list) and not noted else None  # not noted: decided at apply

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Update the first trail; refuse when there is none (creating one needs a protected bucket)."""
        need = self.needs(resource, ctx)
        if need:
            raise FixImpossible(str(need))
        if ctx.inventory is None:
            name = str((resource.properties.get("trails") or ["(the first trail, read at apply)"])[0])
            return [
                Call(
                    "cloudtrail",
                    "update_trail",
                    {"Name": name, "IsMultiRegionTrail": True, "IncludeGlobalServiceEvents": True},
                ),
                Call("cloudtrail", "start_logging", {"Name": name}),
            ]
        trails = ctx.inventory.of_type(TRAIL)
        good = [t for t in trails if t.properties.get("IsMultiRegionTrail") and t.properties.get("IsLogging")]
        if good:
            return []
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
