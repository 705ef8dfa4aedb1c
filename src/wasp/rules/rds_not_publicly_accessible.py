"""RDS instances are not publicly accessible."""

from wasp.model import FindingStatus, Severity
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
from wasp.rules._common import is_true
from wasp.rules._shape import flag

META = RuleMeta(
    title="RDS instances are not publicly accessible",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01", "SEC08-BP04"),
    resource_type="AWS::RDS::DBInstance",
    public_exposure=True,
    description="A publicly accessible database gets a public DNS name and address; data stores belong in private "
    "subnets reachable only from the application tier.",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Connectivity > Public access: Not publicly accessible.",
        cli="aws rds modify-db-instance --db-instance-identifier DB --no-publicly-accessible --apply-immediately",
        cloudformation="PubliclyAccessible: false",
        terraform="publicly_accessible = false",
    ),
    checkov=("CKV_AWS_17",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when PubliclyAccessible is true."""
    setting = flag(view, "PubliclyAccessible")
    if is_true(setting):
        return failed(f"database {view.id} is publicly accessible")
    if setting is None:
        # AWS then decides from the VPC: public when the subnets' VPC has an internet gateway.
        return unknown(
            f"database {view.id} does not set PubliclyAccessible; set it to false to decide it here"
        )
    return passed("not publicly accessible")


EXAMPLES = (
    Example(
        "private", example_resource("AWS::RDS::DBInstance", {"PubliclyAccessible": False}), FindingStatus.PASS
    ),
    Example(
        "public", example_resource("AWS::RDS::DBInstance", {"PubliclyAccessible": True}), FindingStatus.FAIL
    ),
    Example("unset", example_resource("AWS::RDS::DBInstance", {"Engine": "postgres"}), FindingStatus.UNKNOWN),
)
