"""Security groups allow no ingress from the whole internet (0.0.0.0/0 or ::/0)."""

from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
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
from wasp.rules._shape import SG_RULE_FIELDS, expect_type, malformed_fields

WORLD = ("0.0.0.0/0", "::/0")
ADMIN_PORTS = {22: "SSH", 3389: "RDP"}
DATA_PORTS = {
    1433: "SQL Server",
    1521: "Oracle",
    3306: "MySQL",
    5432: "PostgreSQL",
    6379: "Redis",
    9200: "Elasticsearch",
    27017: "MongoDB",
    11211: "Memcached",
    5439: "Redshift",
}
WEB_PORTS = (80, 443)

META = RuleMeta(
    title="Security groups allow no ingress from 0.0.0.0/0 or ::/0",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::EC2::SecurityGroup",
    related_types=("AWS::EC2::Instance",),
    description="World-open ingress bypasses network layering. Severity depends on the port: all traffic and "
    "SSH/RDP are critical, database ports high, other ports medium. Web ports (80/443) open to the world "
    "are expected on an internet-facing load balancer and fail only on a group attached to an instance.",
    public_exposure=True,
    remediation=Remediation(
        console="EC2 > Security groups > GROUP > Inbound rules > Edit: replace 0.0.0.0/0 and ::/0 with the "
        "load balancer's security group or a known CIDR; use Session Manager instead of SSH/RDP.",
        cli="aws ec2 revoke-security-group-ingress --group-id SG --ip-permissions "
        "IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]",
        cloudformation="SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, "
        "SourceSecurityGroupId: !Ref LoadBalancerSG}]",
        terraform='ingress { from_port = 443  to_port = 443  protocol = "tcp"  '
        "security_groups = [aws_security_group.alb.id] }",
    ),
    checkov=("CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277"),
)


def _port_range(rule: dict[str, Any]) -> tuple[int, int] | None:
    """(from, to); None means all ports."""
    proto = str(rule.get("IpProtocol", "-1"))
    if proto in ("-1", "all"):
        return None
    lo, hi = rule.get("FromPort"), rule.get("ToPort")
    if lo in (None, -1) and hi in (None, -1):
        return None
    return int(lo if lo is not None else 0), int(hi if hi is not None else 65535)


def _classify(rng: tuple[int, int] | None) -> tuple[Severity, str]:
    if rng is None or (rng[0] <= 0 and rng[1] >= 65535):
        return Severity.CRITICAL, "all traffic"
    lo, hi = rng
    for port, name in ADMIN_PORTS.items():
        if lo <= port <= hi:
            return Severity.CRITICAL, f"{name} ({port})"
    for port, name in DATA_PORTS.items():
        if lo <= port <= hi:
            return Severity.HIGH, f"{name} ({port})"
    if lo == hi and lo in WEB_PORTS:
        return Severity.MEDIUM, f"web port {lo}"
    return Severity.MEDIUM, f"ports {lo}-{hi}" if lo != hi else f"port {lo}"


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """List every world-open ingress rule; the worst port decides severity."""
    group_id = view.get("GroupId", view.id)
    on_instances: list[str] = []
    maybe_attached = False  # an instance whose groups are unknown may use this one
    for instance in ctx.inventory.of_type("AWS::EC2::Instance"):
        groups = view.neighbour(instance).peek("SecurityGroupIds") or []
        if contains_unresolved(groups) is not None:
            maybe_attached = True
        elif group_id in groups:
            on_instances.append(instance.id)
    opened: list[tuple[Severity, str]] = []
    web_only: list[str] = []
    undecided = 0
    ingress = view.peek("SecurityGroupIngress", [])
    if contains_unresolved(ingress) is not None and not isinstance(ingress, list):
        view.get("SecurityGroupIngress")  # the whole list is unknown: raises, so the verdict is unknown
    # not a list: WrongType, the verdict is unknown (unknown entries are weighed one by one below)
    expect_type("SecurityGroupIngress", ingress, lambda v: isinstance(v, list), "a list")
    malformed: list[str] = []
    for rule in ingress:
        if contains_unresolved(rule) is not None:
            undecided += 1  # decided below: a definite failure elsewhere still fails the group
            continue
        problem = malformed_fields(rule, SG_RULE_FIELDS)
        if problem is not None:
            undecided += 1  # a malformed rule may open anything: unknown unless another rule definitely fails
            malformed.append(problem)
            continue
        if not (rule.get("CidrIp") in WORLD or rule.get("CidrIpv6") in WORLD):
            continue
        try:
            rng = _port_range(rule)
        except (TypeError, ValueError):
            undecided += (
                1  # a port that is not a number: this rule is unknown, a definite one elsewhere still fails
            )
            continue
        if rng is not None and rng[0] == rng[1] and rng[0] in WEB_PORTS and not on_instances:
            if maybe_attached:
                undecided += 1  # fine on a load balancer's group, not on an instance's
            else:
                web_only.append(f"web port {rng[0]}")
            continue
        opened.append(_classify(rng))
    view.note("world_open", [what for _, what in opened] + web_only)
    view.note("attached_instances", on_instances)
    if not opened and malformed:
        return unknown(f"security group {view.id}: an ingress rule is malformed ({malformed[0]})")
    if not opened and undecided:
        return unknown(f"{undecided} ingress rule(s) of {view.id} depend on values known only at deploy time")
    if not opened:
        if web_only:
            return passed(
                f"only {', '.join(web_only)} open to the internet, on a group with no instances (load balancer)"
            )
        return passed("no ingress from 0.0.0.0/0 or ::/0")
    worst = min((sev for sev, _ in opened), key=lambda s: s.rank)
    name = view.label("GroupName")
    return failed(
        f"security group {name} allows {', '.join(sorted({w for _, w in opened}))} from the internet", worst
    )


def _sg(*rules: dict[str, Any]) -> dict[str, Any]:
    return {"GroupName": "web", "SecurityGroupIngress": list(rules)}


_WEB = {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}
_ON_INSTANCE = example_resource("AWS::EC2::Instance", {"SecurityGroupIds": ["sg-web"]}, "i-1")
EXAMPLES = (
    Example(
        "443-instance-groups-unreadable",
        example_resource("AWS::EC2::SecurityGroup", {**_sg(_WEB), "GroupId": "sg-web"}),
        FindingStatus.UNKNOWN,
        (example_resource("AWS::EC2::Instance", {"SecurityGroupIds": Unresolved("denied")}, "i-1"),),
    ),
    Example(
        "alb-443",
        example_resource("AWS::EC2::SecurityGroup", {**_sg(_WEB), "GroupId": "sg-web"}),
        FindingStatus.PASS,
    ),
    Example(
        "instance-443",
        example_resource("AWS::EC2::SecurityGroup", {**_sg(_WEB), "GroupId": "sg-web"}),
        FindingStatus.FAIL,
        (_ON_INSTANCE,),
    ),
    Example(
        "internal",
        example_resource(
            "AWS::EC2::SecurityGroup",
            _sg({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"}),
        ),
        FindingStatus.PASS,
    ),
    Example(
        "ssh-world",
        example_resource(
            "AWS::EC2::SecurityGroup",
            _sg({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}),
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "all-v6",
        example_resource("AWS::EC2::SecurityGroup", _sg({"IpProtocol": "-1", "CidrIpv6": "::/0"})),
        FindingStatus.FAIL,
    ),
    Example(
        "ssh-world-name-unknown-until-deploy",
        example_resource(
            "AWS::EC2::SecurityGroup",
            {
                "GroupName": Unresolved("Fn::Sub ${Env}-web is known only at deploy time"),
                "SecurityGroupIngress": [
                    {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}
                ],
            },
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "rdp-world-beside-a-garbled-port",
        example_resource(
            "AWS::EC2::SecurityGroup",
            _sg(
                {"IpProtocol": "tcp", "FromPort": "abc", "ToPort": 22, "CidrIp": "0.0.0.0/0"},
                {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": "0.0.0.0/0"},
            ),
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "only-a-garbled-port",
        example_resource(
            "AWS::EC2::SecurityGroup",
            _sg({"IpProtocol": "tcp", "FromPort": "abc", "ToPort": 22, "CidrIp": "0.0.0.0/0"}),
        ),
        FindingStatus.UNKNOWN,
    ),
)
