"""SQS queue policy grants no public or unknown cross-account access."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    RuleMeta,
    example_resource,
)
from wasp.rules._exposure import ORG_ONLY, PUBLIC, exposure_evaluate, neighbour

META = RuleMeta(
    title="SQS queue policy is not public or shared with unknown accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::SQS::Queue",
    related_types=("AWS::SQS::QueuePolicy",),
    public_exposure=True,
    description="Evaluated with policyuniverse (conditions such as aws:PrincipalOrgID and aws:SourceVpce honoured): "
    "any principal without a limiting condition is public; an account outside the workload and its organisation is "
    "unknown cross-account access.",
    remediation=Remediation(
        console="SQS > QUEUE > Access policy > Edit: name the principals, or add aws:SourceArn/aws:PrincipalOrgID conditions.",
        cli="aws sqs set-queue-attributes --queue-url URL --attributes Policy=file://policy.json",
        cloudformation="AWS::SQS::QueuePolicy with named principals",
        terraform="aws_sqs_queue_policy with named principals",
    ),
    checkov=("CKV_AWS_168", "CKV_AWS_283"),
)


evaluate = exposure_evaluate(
    neighbour("AWS::SQS::QueuePolicy", "PolicyDocument", "Queues", ("QueueName", "QueueUrl")),
    "SQS queue policy",
)


EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::SQS::Queue", {}, "q"),
        FindingStatus.PASS,
        (example_resource("AWS::SQS::QueuePolicy", {"PolicyDocument": ORG_ONLY}, "q"),),
    ),
    Example(
        "public",
        example_resource("AWS::SQS::Queue", {}, "q"),
        FindingStatus.FAIL,
        (example_resource("AWS::SQS::QueuePolicy", {"PolicyDocument": PUBLIC}, "q"),),
    ),
)
