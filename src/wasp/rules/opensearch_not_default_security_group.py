"""OpenSearch domains in a VPC use security groups of their own, not the VPC's default group."""

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
    failed,
    passed,
    unknown,
)
from wasp.rules._expect import listed

SG = "AWS::EC2::SecurityGroup"

META = RuleMeta(
    title="OpenSearch domains do not use the default security group",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::OpenSearchService::Domain",
    description="A VPC domain created without security groups gets the VPC's default group, which admits every "
    "resource that also carries it and is rarely reviewed; give the domain a group that admits only its clients "
    "on 443.",
    remediation=Remediation(
        console="Amazon OpenSearch Service > Domains > DOMAIN > Actions > Edit security configuration > VPC "
        "security groups: a dedicated group.",
        cli="aws opensearch update-domain-config --domain-name DOMAIN --vpc-options SecurityGroupIds=sg-search",
        cloudformation="VPCOptions: {SubnetIds: [...], SecurityGroupIds: [!Ref SearchSg]}",
        terraform="vpc_options { subnet_ids = [...] security_group_ids = [aws_security_group.search.id] }",
    ),
    checkov=("CKV_AWS_248",),
)


def _group(ctx: RuleContext, ref: Any) -> Any:
    """The security group a domain names: by id, logical id or address; None when not in the inventory."""
    for sg in ctx.inventory.of_type(SG):
        if ref in (sg.id, sg.origin.address, sg.properties.get("GroupId")):
            return sg
    return None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only VPC domains; no groups at all means the default group; a named group is looked up by name."""
    if not listed(view.get("VPCOptions.SubnetIds")):
        return None  # a public domain: opensearch_in_vpc decides it
    name = view.resource.origin.address or view.id
    groups = view.get("VPCOptions.SecurityGroupIds") or []
    if not groups:
        return failed(f"domain {name} names no security group, so it gets the VPC's default group")
    for ref in groups:
        sg = _group(ctx, ref)
        if sg is None:
            return unknown(
                f"security group {ref} of domain {name} was not read: cannot tell if it is the default"
            )
        if view.neighbour(sg).get("GroupName") == "default":
            return failed(f"domain {name} uses the VPC's default security group")
    return passed("dedicated security groups")


_VPC = {"SubnetIds": ["subnet-1"]}
EXAMPLES = (
    Example(
        "own-group",
        example_resource(
            "AWS::OpenSearchService::Domain", {"VPCOptions": {**_VPC, "SecurityGroupIds": ["sg-1"]}}
        ),
        FindingStatus.PASS,
        related=(example_resource(SG, {"GroupName": "search"}, "sg-1"),),
    ),
    Example(
        "no-group",
        example_resource("AWS::OpenSearchService::Domain", {"VPCOptions": _VPC}),
        FindingStatus.FAIL,
    ),
    Example(
        "default-group",
        example_resource(
            "AWS::OpenSearchService::Domain", {"VPCOptions": {**_VPC, "SecurityGroupIds": ["sg-0"]}}
        ),
        FindingStatus.FAIL,
        related=(example_resource(SG, {"GroupName": "default"}, "sg-0"),),
    ),
    Example(
        "group-not-read",
        example_resource(
            "AWS::OpenSearchService::Domain", {"VPCOptions": {**_VPC, "SecurityGroupIds": ["sg-9"]}}
        ),
        FindingStatus.UNKNOWN,
    ),
)
