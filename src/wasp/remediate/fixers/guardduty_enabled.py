"""Enable GuardDuty in every in-scope region that lacks an enabled detector."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer


class EnableGuardDuty(Fixer):
    """create_detector (or update_detector to re-enable a suspended one) per region."""

    rule = "guardduty_enabled"
    collectors = ("account", "guardduty")
    title = "Enable GuardDuty in every in-scope region"
    permissions = ("guardduty:CreateDetector", "guardduty:UpdateDetector", "iam:CreateServiceLinkedRole")
    risk = (
        "GuardDuty is billed per volume of events analysed; findings start arriving (route them to someone)."
    )

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """From the re-read detectors at apply time, else from the review's note of missing regions."""
        if ctx.inventory is None:
            return [
                Call("guardduty", "create_detector", {"Enable": True}, r)
                for r in resource.properties.get("regions_missing") or []
            ]
        detectors = {d.region: d for d in ctx.inventory.of_type("AWS::GuardDuty::Detector")}
        out = []
        for region in ctx.workload.regions:
            d = detectors.get(region)
            if d is None:
                out.append(Call("guardduty", "create_detector", {"Enable": True}, region))
            elif d.properties.get("Enable") is not True:
                out.append(Call("guardduty", "update_detector", {"DetectorId": d.id, "Enable": True}, region))
        return out


FIXER = EnableGuardDuty()
