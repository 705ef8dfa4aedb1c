"""Neptune instances are not publicly accessible."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
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

evaluate = expect(
    "PubliclyAccessible",
    is_false,
    ok="not publicly accessible",
    bad="Neptune instance {name} is publicly accessible",
    default=False,
)

EXAMPLES = (
    *examples(
        "AWS::Neptune::DBInstance",
        passing=[("private", {"PubliclyAccessible": False}), ("default", {})],
        failing=[("public", {"PubliclyAccessible": True})],
    ),
    unknown_example("AWS::Neptune::DBInstance", "PubliclyAccessible"),
)
