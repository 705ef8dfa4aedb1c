"""VPC endpoint services accept connections only by hand."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="VPC endpoint services require acceptance of connections",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02", "SEC03-BP09"),
    resource_type="AWS::EC2::VPCEndpointService",
    description="Without acceptance, any principal the service's permissions allow can connect a VPC endpoint "
    "and reach the load balancer behind it; manual acceptance keeps a person in the loop for each consumer.",
    remediation=Remediation(
        console="VPC > Endpoint services > SERVICE > Actions > Modify endpoint acceptance setting: Require.",
        cli="aws ec2 modify-vpc-endpoint-service-configuration --service-id ID --acceptance-required",
        cloudformation="AcceptanceRequired: true",
        terraform="acceptance_required = true",
    ),
    checkov=("CKV_AWS_123",),
)

_evaluate = expect(
    "AcceptanceRequired",
    is_true,
    ok="each connection is accepted by hand",
    bad="endpoint service {name} accepts connections automatically",
    default=False,
)


evaluate = live_reads("NetworkLoadBalancerArns", _evaluate)

EXAMPLES = with_read(
    {"NetworkLoadBalancerArns": ["arn"]},
    examples(
        "AWS::EC2::VPCEndpointService",
        passing=[("manual", {"AcceptanceRequired": True})],
        failing=[("auto", {"AcceptanceRequired": False}), ("default", {"NetworkLoadBalancerArns": ["arn"]})],
    ),
)
