"""Security groups do not allow all outbound traffic to the whole internet."""

from typing import Any

from wasp.model import FindingStatus, OriginKind, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._expect import examples
from wasp.rules._net import DECLARED, WORLD, declared, live_reads, with_read
from wasp.rules._shape import SG_RULE_FIELDS, items, malformed_fields

META = RuleMeta(
    title="Security groups do not allow all egress to 0.0.0.0/0",
    severity=Severity.LOW,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::EC2::SecurityGroup",
    description="An allow-all egress rule lets a compromised workload reach any host on any port: command and "
    "control, exfiltration, crypto mining. Allow the destinations and ports the workload needs. A CloudFormation "
    "group that declares no egress gets AWS's default allow-all rule and fails too (Terraform removes it).",
    remediation=Remediation(
        console="EC2 > Security groups > GROUP > Outbound rules > Edit: replace All traffic 0.0.0.0/0 with the "
        "ports and destinations needed (e.g. 443 to a VPC endpoint's prefix list).",
        cli="aws ec2 revoke-security-group-egress --group-id SG --ip-permissions "
        "'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'",
        cloudformation="SecurityGroupEgress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, "
        "DestinationPrefixListId: pl-xxxx}]",
        terraform='egress { from_port = 443  to_port = 443  protocol = "tcp"  prefix_list_ids = [...] }',
    ),
    checkov=("CKV_AWS_382",),
)


def _all_to_world(rule: Any) -> bool:
    if not isinstance(rule, dict):
        return False
    if rule.get("CidrIp") not in WORLD and rule.get("CidrIpv6") not in WORLD:
        return False
    if str(rule.get("IpProtocol", "-1")) in ("-1", "all"):
        return True
    return rule.get("FromPort") in (0, -1, "0", "-1") and rule.get("ToPort") in (65535, -1, "65535", "-1")


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """An allow-all rule to the world fails; a declared group with no egress has the default allow-all."""
    egress = view.peek("SecurityGroupEgress")
    name = view.label("GroupName")
    if egress is None:
        if view.resource.origin.kind is OriginKind.TERRAFORM:
            return passed("no egress rules (Terraform removes AWS's default allow-all)")
        if view.resource.origin.kind in DECLARED:
            return failed(f"security group {name} declares no egress, so AWS adds allow-all to 0.0.0.0/0")
        return unknown(f"the outbound rules of {view.id} were not read")
    if not isinstance(egress, list):
        view.get("SecurityGroupEgress")  # unknown as a whole: raises, so the verdict is unknown
        items(view, "SecurityGroupEgress")  # of the wrong type: raises, so the verdict is unknown
    if any(_all_to_world(r) for r in egress):
        return failed(f"security group {name} allows all outbound traffic to the internet")
    problems = [p for r in egress if (p := malformed_fields(r, SG_RULE_FIELDS)) is not None]
    if problems:
        return unknown(f"security group {view.id}: an outbound rule is malformed ({problems[0]})")
    if any(contains_unresolved(r) is not None for r in egress):
        return unknown(f"an outbound rule of {view.id} is known only at deploy time")
    return passed("outbound traffic limited")


_ALL = {"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}


evaluate = live_reads("GroupId", _evaluate)

EXAMPLES = with_read(
    {"GroupId": "sg-1"},
    (
        *examples(
            "AWS::EC2::SecurityGroup",
            passing=[
                (
                    "https-only",
                    {
                        "SecurityGroupEgress": [
                            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}
                        ]
                    },
                ),
                ("none", {"SecurityGroupEgress": []}),
            ],
            failing=[
                ("all", {"SecurityGroupEgress": [_ALL]}),
                (
                    "all-ports-v6",
                    {
                        "SecurityGroupEgress": [
                            {"IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535, "CidrIpv6": "::/0"}
                        ]
                    },
                ),
            ],
        ),
        Example(
            "template-default",
            declared("AWS::EC2::SecurityGroup", {"GroupDescription": "web"}),
            FindingStatus.FAIL,
        ),
        Example(
            "live-not-read",
            example_resource("AWS::EC2::SecurityGroup", {"GroupName": "web"}),
            FindingStatus.UNKNOWN,
        ),
    ),
)
