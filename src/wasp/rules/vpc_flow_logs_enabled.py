"""VPCs have flow logs."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
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
)

FLOW = "AWS::EC2::FlowLog"

META = RuleMeta(
    title="VPC flow logs are enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::EC2::VPC",
    related_types=(FLOW,),
    description="Flow logs are the record of who talked to what; without them a network-borne incident cannot be "
    "scoped. Default VPCs with no use are skipped.",
    remediation=Remediation(
        console="VPC > Your VPCs > VPC > Flow logs > Create flow log (All traffic, to CloudWatch Logs or S3).",
        cli="aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::LOGS",
        cloudformation="AWS::EC2::FlowLog {ResourceId: !Ref Vpc, ResourceType: VPC, TrafficType: ALL, ...}",
        terraform='resource "aws_flow_log" "vpc" { vpc_id = aws_vpc.this.id traffic_type = "ALL" ... }',
    ),
    checkov=("CKV2_AWS_11",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A flow log whose resource is this VPC."""
    if view.get(f"{SUPPLEMENTARY}.IsDefault"):
        in_use = [
            i
            for i in ctx.inventory.of_type("AWS::EC2::Instance")
            if view.neighbour(i).get("VpcId") == view.id
        ]
        if not in_use:
            return None
    logs = [f.id for f in ctx.inventory.find(FLOW, ResourceId=view.id)]
    view.note("flow_logs", logs)
    if logs:
        return passed(f"flow logs: {', '.join(logs)}")
    return failed(f"VPC {view.id} has no flow logs")


EXAMPLES = (
    Example(
        "logged",
        example_resource("AWS::EC2::VPC", {}, "vpc-1"),
        FindingStatus.PASS,
        (example_resource(FLOW, {"ResourceId": "vpc-1", "TrafficType": "ALL"}, "fl-1"),),
    ),
    Example("silent", example_resource("AWS::EC2::VPC", {}, "vpc-1"), FindingStatus.FAIL),
)
