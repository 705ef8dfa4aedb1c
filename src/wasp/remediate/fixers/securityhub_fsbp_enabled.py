"""Enable Security Hub with the Foundational Security Best Practices standard in every in-scope region."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer

FSBP = "arn:aws:securityhub:{region}::standards/aws-foundational-security-best-practices/v/1.0.0"


class EnableSecurityHub(Fixer):
    """enable_security_hub with default standards, or batch_enable_standards for FSBP on an existing hub."""

    rule = "securityhub_fsbp_enabled"
    collectors = ("account", "securityhub")
    title = "Enable Security Hub with FSBP"
    permissions = (
        "securityhub:EnableSecurityHub",
        "securityhub:BatchEnableStandards",
        "iam:CreateServiceLinkedRole",
    )
    risk = "Security Hub and its controls are billed per check; it needs AWS Config recording to evaluate most controls."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Per region: a new hub with default standards, or FSBP added to an existing hub."""
        if ctx.inventory is None:
            return [
                Call("securityhub", "enable_security_hub", {"EnableDefaultStandards": True}, r)
                for r in resource.properties.get("regions_missing") or []
            ]
        hubs = {h.region: h for h in ctx.inventory.of_type("AWS::SecurityHub::Hub")}
        out = []
        for region in ctx.workload.regions:
            hub = hubs.get(region)
            if hub is None:
                out.append(
                    Call("securityhub", "enable_security_hub", {"EnableDefaultStandards": True}, region)
                )
                continue
            standards = (hub.properties.get("Supplementary") or {}).get("EnabledStandards")
            if isinstance(standards, list) and not any(
                "aws-foundational-security-best-practices" in s for s in standards
            ):
                out.append(
                    Call(
                        "securityhub",
                        "batch_enable_standards",
                        {"StandardsSubscriptionRequests": [{"StandardsArn": FSBP.format(region=region)}]},
                        region,
                    )
                )
        return out


FIXER = EnableSecurityHub()
