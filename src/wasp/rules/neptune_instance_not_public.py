"""Neptune instances are not publicly accessible."""

from wasp.model import FindingStatus, OriginKind, Resource, Severity
from wasp.model.resource import Origin
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    unknown,
)
from wasp.rules._cmk_store import not_read_live
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_false

META = RuleMeta(
    title="Neptune instances are not publicly accessible",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::Neptune::DBInstance",
    public_exposure=True,
    description="A publicly accessible instance gets an endpoint that resolves to a public address, so the graph "
    "database is one security-group rule away from the internet; keep it in private subnets and reach it "
    "through the VPC.",
    remediation=Remediation(
        console="Neptune > Databases > INSTANCE > Modify > Connectivity: Not publicly accessible.",
        cli="aws neptune modify-db-instance --db-instance-identifier INSTANCE --no-publicly-accessible "
        "--apply-immediately",
        cloudformation="CloudFormation's AWS::Neptune::DBInstance has no public access setting: it stays private.",
        terraform="publicly_accessible = false",
    ),
    checkov=("CKV_AWS_102",),
)

_decide = expect(
    "PubliclyAccessible",
    is_false,
    ok="not publicly accessible",
    bad="Neptune instance {name} is publicly accessible",
    default=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when publicly accessible; absent in a template it is private (CloudFormation cannot set it,
    Terraform defaults to false); a live instance whose setting was not read is unknown."""
    if not_read_live(view, ("PubliclyAccessible",)) is not None:
        return unknown(f"PubliclyAccessible of Neptune instance {view.id} was not read")
    return _decide(view, ctx)


_TEMPLATE = Resource(
    type="AWS::Neptune::DBInstance",
    id="Graph",
    properties={"DBInstanceClass": "db.r6g.large"},
    origin=Origin(kind=OriginKind.CLOUDFORMATION, address="Graph"),
)

EXAMPLES = (
    *examples(
        "AWS::Neptune::DBInstance",
        passing=[("private", {"PubliclyAccessible": False})],
        failing=[("public", {"PubliclyAccessible": True})],
    ),
    unknown_example("AWS::Neptune::DBInstance", "PubliclyAccessible"),
    Example("template-default", _TEMPLATE, FindingStatus.PASS),
    Example("not-read-live", example_resource("AWS::Neptune::DBInstance", {}), FindingStatus.UNKNOWN),
)
