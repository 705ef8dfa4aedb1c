"""AWS RAM resource shares stay inside the organisation."""

from typing import Any

from wasp.model import FindingStatus, Resource, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._shape import WrongType, flag, items, on

SHARE = "AWS::RAM::ResourceShare"

META = RuleMeta(
    title="RAM resource shares stay inside the organisation",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP08",),
    resource_type=SHARE,
    description="A RAM share gives other principals use of subnets, Transit Gateways, Route 53 Resolver rules, "
    "licences and more. Shared outside the organisation, those resources leave its guardrails (SCPs, "
    "delegated security services). RAM marks each principal outside the organisation as external; a share "
    "that allows external principals but has none yet is a latent risk and fails LOW.",
    remediation=Remediation(
        console="Resource Access Manager > Shared by me > SHARE > Modify: remove external principals, and set "
        "'Allow sharing with anyone' off.",
        cli="aws ram disassociate-resource-share --resource-share-arn ARN --principals ACCOUNT && "
        "aws ram update-resource-share --resource-share-arn ARN --no-allow-external-principals",
        cloudformation="AWS::RAM::ResourceShare {AllowExternalPrincipals: false, Principals: [OU or org ARN]}",
        terraform='resource "aws_ram_resource_share" "this" { allow_external_principals = false }',
    ),
)


def _sort(principals: Any, ctx: RuleContext) -> tuple[list[str], list[str]]:
    """(external, undecided) principals: live associations carry RAM's external flag; a template's are
    strings, where an organisation or OU ARN is inside and an account id is inside only if the workload
    file names it."""
    external: list[str] = []
    undecided: list[str] = []
    for i, p in enumerate(principals):
        if isinstance(p, dict):
            if on(f"Principals.{i}.External", p.get("External")):
                external.append(str(p.get("Entity")))
        elif not isinstance(p, str):
            raise WrongType(
                f"Principals.{i}", p, "an account id, organisation or OU ARN, or a mapping with Entity"
            )
        elif ":organizations::" not in p and p not in ctx.workload.accounts:
            undecided.append(p)
    return external, undecided


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on principals RAM marks external; LOW when external sharing is merely allowed (the default)."""
    external, undecided = _sort(items(view, "Principals"), ctx)
    view.note("external_principals", external)
    name = view.label("Name")
    if external:
        return failed(f"share {name} is shared outside the organisation with {', '.join(external)}")
    if flag(view, "AllowExternalPrincipals", True):
        return failed(f"share {name} allows principals outside the organisation", Severity.LOW)
    if undecided:
        return unknown(f"share {name} names accounts the workload file does not list: {', '.join(undecided)}")
    return passed(f"share {name} is shared only inside the organisation")


def _share(principals: Any, allow: bool = False) -> Resource:
    return example_resource(
        SHARE, {"Name": "subnets", "AllowExternalPrincipals": allow, "Principals": principals}
    )


_OU = {"Entity": "arn:aws:organizations::111122223333:ou/o-abc/ou-1", "External": False}
EXAMPLES = (
    Example("in-org", _share([_OU]), FindingStatus.PASS),
    Example(
        "external",
        _share([_OU, {"Entity": "444455556666", "External": True}], allow=True),
        FindingStatus.FAIL,
    ),
    Example("allowed-only", _share([_OU], allow=True), FindingStatus.FAIL),
    Example("unreadable", _share(Unresolved("denied")), FindingStatus.UNKNOWN),
)
