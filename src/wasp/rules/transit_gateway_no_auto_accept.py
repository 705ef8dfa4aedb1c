"""Transit gateways do not accept shared attachments automatically."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, none_of
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Transit gateways do not auto-accept shared attachments",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02", "SEC03-BP08"),
    resource_type="AWS::EC2::TransitGateway",
    description="With auto-accept any account the gateway is shared with can attach its VPC and start routing "
    "into the network without review.",
    remediation=Remediation(
        console="VPC > Transit gateways > TGW > Actions > Modify: clear Auto accept shared attachments.",
        cli="aws ec2 modify-transit-gateway --transit-gateway-id TGW --options AutoAcceptSharedAttachments=disable",
        cloudformation="AutoAcceptSharedAttachments: disable",
        terraform='auto_accept_shared_attachments = "disable"',
    ),
    checkov=("CKV_AWS_331",),
)

_evaluate = expect(
    "AutoAcceptSharedAttachments",
    none_of("enable"),
    ok="shared attachments need acceptance",
    bad="transit gateway {name} accepts shared attachments automatically",
    default="disable",
)


evaluate = live_reads("Description", _evaluate)

EXAMPLES = with_read(
    {"Description": "core"},
    examples(
        "AWS::EC2::TransitGateway",
        passing=[("default", {"Description": "core"})],
        failing=[("auto", {"AutoAcceptSharedAttachments": "enable"})],
    ),
)
