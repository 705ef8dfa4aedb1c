"""Amazon MQ brokers are not reachable from the internet."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, is_false

META = RuleMeta(
    title="Amazon MQ brokers are not publicly accessible",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::AmazonMQ::Broker",
    description="A publicly accessible broker gets a public endpoint; producers and consumers should reach it inside the VPC.",
    remediation=Remediation(
        console="Create a private broker (public access cannot be changed), move producers and consumers, delete the public one.",
        cli="aws mq create-broker --broker-name NAME --no-publicly-accessible --subnet-ids SUBNET --security-groups SG ...",
        cloudformation="PubliclyAccessible: false",
        terraform="publicly_accessible = false",
    ),
    checkov=("CKV_AWS_69",),
)

evaluate = expect(
    "PubliclyAccessible",
    is_false,
    ok="not publicly accessible",
    bad="broker {name} is publicly accessible",
)

EXAMPLES = examples(
    "AWS::AmazonMQ::Broker",
    passing=[("private", {"PubliclyAccessible": False})],
    failing=[("public", {"PubliclyAccessible": "true"})],
) + unknowns(
    "AWS::AmazonMQ::Broker",
    ("deploy-time", {"PubliclyAccessible": Unresolved("a parameter with no default")}),
)
