"""SNS topic policy grants no public or unknown cross-account access."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    RuleMeta,
    example_resource,
)
from wasp.rules._exposure import ORG_ONLY, OTHER_ACCOUNT, exposure_evaluate, neighbour

META = RuleMeta(
    title="SNS topic policy is not public or shared with unknown accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::SNS::Topic",
    related_types=("AWS::SNS::TopicPolicy",),
    public_exposure=True,
    description="Evaluated with policyuniverse (conditions such as aws:PrincipalOrgID and aws:SourceVpce honoured): "
    "any principal without a limiting condition is public; an account outside the workload and its organisation is "
    "unknown cross-account access.",
    remediation=Remediation(
        console="SNS > TOPIC > Access policy > Edit: name the principals, or add aws:SourceArn/aws:PrincipalOrgID conditions.",
        cli="aws sns set-topic-attributes --topic-arn ARN --attribute-name Policy --attribute-value file://policy.json",
        cloudformation="AWS::SNS::TopicPolicy with named principals",
        terraform="aws_sns_topic_policy with named principals",
    ),
    checkov=("CKV_AWS_169", "CKV_AWS_385", "CKV_AWS_283"),
)


evaluate = exposure_evaluate(
    neighbour("AWS::SNS::TopicPolicy", "PolicyDocument", "Topics", ("TopicName",)), "SNS topic policy"
)


EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::SNS::Topic", {}, "t"),
        FindingStatus.PASS,
        (example_resource("AWS::SNS::TopicPolicy", {"PolicyDocument": ORG_ONLY}, "t"),),
    ),
    Example(
        "other",
        example_resource("AWS::SNS::Topic", {}, "t"),
        FindingStatus.FAIL,
        (example_resource("AWS::SNS::TopicPolicy", {"PolicyDocument": OTHER_ACCOUNT}, "t"),),
    ),
)
