"""SQS queue policy grants no public or unknown cross-account access."""

from typing import Any

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._exposure import exposure_verdict

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
)


def policy_of(view: ResourceView, ctx: RuleContext) -> Any:
    """The resource policy to evaluate."""
    policies = [p for p in ctx.inventory.of_type("AWS::SQS::QueuePolicy") if p.id == view.id]
    return policies[0].properties.get("PolicyDocument") if policies else None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Evaluate the policy, if any."""
    policy = policy_of(view, ctx)
    if not policy:
        return None
    return exposure_verdict(view, ctx, policy, "SQS queue policy")


_PUBLIC = {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}
_ORG_ONLY = {
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "*",
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}},
        }
    ]
}
_OTHER = {
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
            "Action": "*",
            "Resource": "*",
        }
    ]
}
EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::SQS::Queue", {}, "q"),
        FindingStatus.PASS,
        (example_resource("AWS::SQS::QueuePolicy", {"PolicyDocument": _ORG_ONLY}, "q"),),
    ),
    Example(
        "public",
        example_resource("AWS::SQS::Queue", {}, "q"),
        FindingStatus.FAIL,
        (example_resource("AWS::SQS::QueuePolicy", {"PolicyDocument": _PUBLIC}, "q"),),
    ),
)
