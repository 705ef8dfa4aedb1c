"""Workload VPCs reach S3, DynamoDB and SSM through VPC endpoints, not the internet."""

from wasp.model import FindingStatus, Resource, Severity
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

ENDPOINT = "AWS::EC2::VPCEndpoint"
SERVICES = ("s3", "dynamodb", "ssm")

META = RuleMeta(
    title="VPC endpoints exist for S3, DynamoDB and SSM",
    severity=Severity.LOW,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::EC2::VPC",
    related_types=(ENDPOINT,),
    description="Endpoints keep traffic to AWS services off the internet and let bucket and key policies require "
    "aws:SourceVpce. Default VPCs are skipped.",
    remediation=Remediation(
        console="VPC > Endpoints > Create endpoint: com.amazonaws.REGION.s3 and .dynamodb (Gateway), .ssm, .ssmmessages, .ec2messages (Interface).",
        cli="aws ec2 create-vpc-endpoint --vpc-id VPC --service-name com.amazonaws.REGION.s3 --route-table-ids RTB",
        cloudformation="AWS::EC2::VPCEndpoint {ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3', VpcId: !Ref Vpc}",
        terraform='resource "aws_vpc_endpoint" "s3" { vpc_id = aws_vpc.this.id service_name = "com.amazonaws.REGION.s3" }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Match endpoint service names by their last part."""
    if view.get(f"{SUPPLEMENTARY}.IsDefault"):
        return None
    have = {
        str(view.neighbour(e).get("ServiceName", "")).rsplit(".", 1)[-1]
        for e in ctx.inventory.find(ENDPOINT, VpcId=view.id)
    }
    missing = [s for s in SERVICES if s not in have]
    view.note("endpoints", sorted(have))
    if missing:
        return failed(f"VPC {view.id} has no endpoint for {', '.join(missing)}")
    return passed("endpoints for S3, DynamoDB and SSM")


def _ep(service: str) -> Resource:
    return example_resource(
        ENDPOINT, {"VpcId": "vpc-1", "ServiceName": f"com.amazonaws.eu-west-2.{service}"}, service
    )


EXAMPLES = (
    Example(
        "all",
        example_resource("AWS::EC2::VPC", {}, "vpc-1"),
        FindingStatus.PASS,
        tuple(_ep(s) for s in SERVICES),
    ),
    Example("s3-only", example_resource("AWS::EC2::VPC", {}, "vpc-1"), FindingStatus.FAIL, (_ep("s3"),)),
)
