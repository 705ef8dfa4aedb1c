"""Every security group rule says what it is for."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import expect_type, is_text, items

META = RuleMeta(
    title="Security group rules have descriptions",
    severity=Severity.LOW,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::EC2::SecurityGroup",
    description="A rule without a description cannot be reviewed: nobody can tell whether the port is still "
    "needed or who asked for it, so stale openings stay. Hygiene, low severity.",
    remediation=Remediation(
        console="EC2 > Security groups > GROUP > Inbound/Outbound rules > Edit: fill in Description.",
        cli="aws ec2 update-security-group-rule-descriptions-ingress --group-id SG --ip-permissions "
        "'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=10.0.0.0/8,Description=\"from the ALB\"}]'",
        cloudformation="SecurityGroupIngress: [{..., Description: 'HTTPS from the load balancer'}]",
        terraform='ingress { ... description = "HTTPS from the load balancer" }',
    ),
    checkov=("CKV_AWS_23",),
)


def _undescribed(rules: list[Any], path: str) -> int:
    for i, r in enumerate(rules):
        expect_type(f"{path}.{i}", r, lambda v: isinstance(v, dict), "a mapping")
        expect_type(f"{path}.{i}.Description", r.get("Description"), is_text, "a string")
    return sum(1 for r in rules if not str(r.get("Description") or "").strip())


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Count the inbound and outbound rules without a description."""
    missing = _undescribed(items(view, "SecurityGroupIngress"), "SecurityGroupIngress") + _undescribed(
        items(view, "SecurityGroupEgress"), "SecurityGroupEgress"
    )
    if missing:
        return failed(f"security group {view.label('GroupName')} has {missing} rule(s) without a description")
    return passed("every rule is described")


evaluate = live_reads("SecurityGroupIngress", _evaluate)

EXAMPLES = with_read(
    {"SecurityGroupIngress": []},
    examples(
        "AWS::EC2::SecurityGroup",
        passing=[
            (
                "described",
                {
                    "SecurityGroupIngress": [
                        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "Description": "ALB"}
                    ]
                },
            )
        ],
        failing=[("bare", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443}]})],
    ),
)
