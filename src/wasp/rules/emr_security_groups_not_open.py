"""EMR clusters' security groups take no traffic from the internet."""

from __future__ import annotations

import re
from typing import Any

from wasp.model import FindingStatus, Resource, Severity, Unresolved
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
from wasp.rules._net import WORLD
from wasp.rules._shape import SG_RULE_FIELDS, check_parents, malformed_fields

GROUP = "AWS::EC2::SecurityGroup"
_SLOTS = (
    "EmrManagedMasterSecurityGroup",
    "EmrManagedSlaveSecurityGroup",
    "ServiceAccessSecurityGroup",
    "AdditionalMasterSecurityGroups",
    "AdditionalSlaveSecurityGroups",
)
_GETATT = re.compile(r"^Fn::GetAtt (\S+)\.GroupId is known only after deployment$")

META = RuleMeta(
    title="EMR clusters' security groups are not open to the internet",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP02", "SEC05-BP01"),
    resource_type="AWS::EMR::Cluster",
    related_types=(GROUP,),
    public_exposure=True,
    description="EMR nodes run Hadoop, Spark and YARN web interfaces that execute code for whoever reaches them; "
    "a cluster security group open to 0.0.0.0/0 or ::/0 has been enough for crypto-mining and data theft. "
    "Reach the cluster through Session Manager, a bastion or a VPN, and keep EMR block public access on.",
    remediation=Remediation(
        console="EC2 > Security groups > the cluster's groups > Inbound rules: remove 0.0.0.0/0 and ::/0 sources.",
        cli="aws ec2 revoke-security-group-ingress --group-id SG --ip-permissions "
        "'IpProtocol=tcp,FromPort=8088,ToPort=8088,IpRanges=[{CidrIp=0.0.0.0/0}]'",
        cloudformation="SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: "
        "!Ref AnalystsSG}]",
        terraform='ingress { from_port = 443  to_port = 443  protocol = "tcp"  security_groups = [aws_security_group.analysts.id] }',
    ),
    checkov=("CKV2_AWS_7",),
)


def _references(view: ResourceView) -> list[Any]:
    """The security groups the cluster names (each slot may hold one or a list)."""
    out: list[Any] = []
    for slot in _SLOTS:
        check_parents(view, f"Instances.{slot}")  # Instances that is not a mapping: WrongType
        value = view.peek(f"Instances.{slot}")
        out.extend(value if isinstance(value, list) else [value] if value is not None else [])
    return out


def _group(ref: Any, ctx: RuleContext) -> Resource | None:
    if isinstance(ref, Unresolved):
        found = _GETATT.match(ref.reason)
        ref = found.group(1) if found else None
    if ref is None:
        return None
    text = str(ref)
    return next(
        (
            g
            for g in ctx.inventory.of_type(GROUP)
            if text in (g.id, g.origin.address, g.properties.get("GroupId"), g.arn)
        ),
        None,
    )


def _world_ports(view: ResourceView, group: Resource) -> tuple[list[str], str | None]:
    """The world-open ingress rules of one group, and why the others cannot be judged (a rule known only at
    deploy time, or malformed: it may open anything), if so."""
    ingress = view.neighbour(group).peek("SecurityGroupIngress", [])
    if not isinstance(ingress, list):
        return [], f"the ingress rules of {group.id} are unknown or not a list"
    opened: list[str] = []
    pending: str | None = None
    for rule in ingress:
        if contains_unresolved(rule) is not None:
            pending = pending or f"a rule of {group.id} is known only at deploy time"
            continue
        problem = malformed_fields(rule, SG_RULE_FIELDS)
        if problem is not None:
            pending = pending or f"a rule of {group.id} is malformed ({problem})"
            continue
        if isinstance(rule, dict) and (rule.get("CidrIp") in WORLD or rule.get("CidrIpv6") in WORLD):
            low, high = rule.get("FromPort", "all"), rule.get("ToPort", "all")
            opened.append(f"{low}" if low == high else f"{low}-{high}")
    return opened, pending


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every group the cluster names is found and none takes traffic from the internet."""
    refs = _references(view)
    if not refs:
        return None  # EMR creates its default managed groups, judged as security groups on their own
    opened: list[str] = []
    undecided: list[str] = []
    for ref in refs:
        group = _group(ref, ctx)
        if group is None:
            undecided.append(f"{getattr(ref, 'reason', ref)} is not in this configuration")
            continue
        ports, pending = _world_ports(view, group)
        opened += [f"{group.origin.address or group.id} port {p}" for p in ports]
        if pending is not None:
            undecided.append(pending)
    name = view.resource.origin.address or view.id
    if opened:
        return failed(f"EMR cluster {name} takes traffic from the internet: {', '.join(opened)}")
    if undecided:
        return unknown(f"EMR cluster {name}: {undecided[0]}")
    return passed("no cluster security group is open to the internet")


def _cluster(group: str) -> Resource:
    return example_resource("AWS::EMR::Cluster", {"Instances": {"EmrManagedMasterSecurityGroup": group}})


def _sg(rid: str, *ingress: dict[str, Any]) -> Resource:
    return example_resource(GROUP, {"GroupId": rid, "SecurityGroupIngress": list(ingress)}, rid)


_OPEN = {"IpProtocol": "tcp", "FromPort": 8088, "ToPort": 8088, "CidrIp": "0.0.0.0/0"}
_PRIVATE = {"IpProtocol": "tcp", "FromPort": 8088, "ToPort": 8088, "CidrIp": "10.0.0.0/16"}
_MALFORMED = {"IpProtocol": "tcp", "FromPort": 8088, "ToPort": 8088, "CidrIp": ["0.0.0.0/0"]}
EXAMPLES = (
    Example("world-open", _cluster("sg-master"), FindingStatus.FAIL, (_sg("sg-master", _OPEN),)),
    Example("private", _cluster("sg-master"), FindingStatus.PASS, (_sg("sg-master", _PRIVATE),)),
    Example("malformed-rule", _cluster("sg-master"), FindingStatus.UNKNOWN, (_sg("sg-master", _MALFORMED),)),
    Example("group-elsewhere", _cluster("sg-other"), FindingStatus.UNKNOWN, (_sg("sg-master", _PRIVATE),)),
)
