"""Network ACLs do not let the internet reach administration ports (or every port)."""

from typing import Any

from wasp.model import Severity
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import WORLD, live_reads
from wasp.rules._shape import NACL_ENTRY_FIELDS, on, sound_entries

PORTS = {20: "FTP data", 21: "FTP", 22: "SSH", 3389: "RDP"}
TCP = ("6", "tcp")

META = RuleMeta(
    title="Network ACLs deny the internet administration ports and all-port access",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::EC2::NetworkAcl",
    description="A network ACL is evaluated in rule-number order and the first rule that matches decides. "
    "If internet traffic (0.0.0.0/0 or ::/0) reaches SSH, RDP or FTP, or every port, through the subnet "
    "layer, only security groups stand between those services and the internet.",
    remediation=Remediation(
        console="VPC > Network ACLs > ACL > Inbound rules > Edit: add deny rules for 22, 3389, 20-21 from "
        "0.0.0.0/0 numbered before the allow rules, or narrow the allow rules.",
        cli="aws ec2 create-network-acl-entry --network-acl-id ACL --ingress --rule-number 50 --protocol 6 "
        "--port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny",
        cloudformation="AWS::EC2::NetworkAclEntry {RuleNumber: 50, Protocol: 6, PortRange: {From: 22, To: 22}, "
        "CidrBlock: 0.0.0.0/0, RuleAction: deny}",
        terraform='ingress { rule_no = 50  protocol = "tcp"  from_port = 22  to_port = 22  '
        'cidr_block = "0.0.0.0/0"  action = "deny" }',
    ),
    checkov=("CKV_AWS_229", "CKV_AWS_230", "CKV_AWS_231", "CKV_AWS_232", "CKV_AWS_352"),
)


def _covers(entry: dict[str, Any], port: int | None) -> bool:
    """The entry matches internet traffic to ``port`` (None: to every port)."""
    if entry.get("CidrBlock") not in WORLD:
        return False
    protocol = str(entry.get("Protocol", "-1")).lower()
    if protocol in ("-1", "all"):
        return True
    if protocol not in TCP:
        return False
    ports = entry.get("PortRange") or {}
    low, high = ports.get("From"), ports.get("To")
    if low is None and high is None:
        return True
    low, high = int(low if low is not None else 0), int(high if high is not None else 65535)
    if port is None:
        return low <= 0 and high >= 65535
    return low <= port <= high


def _decides(entries: list[dict[str, Any]], port: int | None) -> str:
    """``allow`` or ``deny``: the first matching ingress rule (the implicit last rule denies)."""
    for entry in entries:
        if _covers(entry, port):
            return str(entry.get("RuleAction", "deny")).lower()
    return "deny"


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Walk the inbound rules in order for each administration port and for all ports."""
    entries = sorted(
        (
            e
            for e in map(dict, sound_entries(view, f"{SUPPLEMENTARY}.Entries", NACL_ENTRY_FIELDS))
            if not on("Egress", e.get("Egress"))
        ),
        key=lambda e: int(e.get("RuleNumber") or 32767),
    )
    opened = [f"{name} ({port})" for port, name in PORTS.items() if _decides(entries, port) == "allow"]
    if _decides(entries, None) == "allow":
        opened.insert(0, "every port")
    if opened:
        return failed(f"network ACL {view.id} lets the internet reach {', '.join(opened)}")
    return passed("administration ports closed to the internet at the subnet layer")


def _acl(*entries: dict[str, Any]) -> dict[str, Any]:
    return {SUPPLEMENTARY: {"Entries": list(entries), "Subnets": ["subnet-1"]}}


_WEB = {
    "RuleNumber": 100,
    "Protocol": "6",
    "RuleAction": "allow",
    "CidrBlock": "0.0.0.0/0",
    "PortRange": {"From": 443, "To": 443},
}
_ALL = {"RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}
_DENY_SSH = {
    "RuleNumber": 50,
    "Protocol": "6",
    "RuleAction": "deny",
    "CidrBlock": "0.0.0.0/0",
    "PortRange": {"From": 22, "To": 22},
}


evaluate = live_reads("Supplementary.Entries", _evaluate)

EXAMPLES = examples(
    "AWS::EC2::NetworkAcl",
    passing=[
        ("web-only", _acl(_WEB)),
        ("ssh-denied-first", _acl(_DENY_SSH, {**_WEB, "PortRange": {"From": 22, "To": 443}})),
    ],
    failing=[
        ("allow-all", _acl(_ALL)),
        ("ssh", _acl({**_WEB, "PortRange": {"From": 22, "To": 22}})),
    ],
)
