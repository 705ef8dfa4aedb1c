"""Network ACLs guarding subnets do not allow all inbound traffic from anywhere."""

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
from wasp.rules._shape import NACL_ENTRY_FIELDS, items, on, sound_entries

META = RuleMeta(
    title="Network ACLs do not allow all inbound traffic from 0.0.0.0/0",
    severity=Severity.LOW,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::EC2::NetworkAcl",
    description="NACLs are the subnet-level second layer behind security groups; an allow-all NACL (the AWS default) "
    "adds no defence. Low severity: security groups remain the primary control.",
    remediation=Remediation(
        console="VPC > Network ACLs > NACL > Inbound rules: allow only the ports each tier needs (and ephemeral return ports).",
        cli="aws ec2 replace-network-acl-entry --network-acl-id NACL --rule-number 100 --protocol 6 --port-range From=443,To=443 "
        "--cidr-block 0.0.0.0/0 --rule-action allow --ingress",
        cloudformation="AWS::EC2::NetworkAclEntry per allowed port instead of Protocol -1",
        terraform='aws_network_acl_rule per allowed port instead of protocol = "-1"',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only NACLs associated with subnets; the lowest-numbered matching ingress rule decides."""
    if not items(view, f"{SUPPLEMENTARY}.Subnets"):
        return None
    entries = sorted(
        (
            e
            for e in sound_entries(view, f"{SUPPLEMENTARY}.Entries", NACL_ENTRY_FIELDS)
            if not on("Egress", e.get("Egress"))
        ),
        key=lambda e: int(e.get("RuleNumber") or 32767),
    )
    for e in entries:
        if (
            e.get("CidrBlock") in ("0.0.0.0/0", "::/0")
            and str(e.get("Protocol")) == "-1"
            and int(e.get("RuleNumber") or 0) < 32767
        ):
            if e.get("RuleAction") == "allow":
                return failed(
                    f"network ACL {view.id} allows all inbound traffic from {e.get('CidrBlock')} (rule {e.get('RuleNumber')})"
                )
            break
    return passed("no allow-all inbound rule")


_ALL = {"RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "Egress": False, "CidrBlock": "0.0.0.0/0"}
_WEB = {**_ALL, "Protocol": "6", "PortRange": {"From": 443, "To": 443}}
EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::EC2::NetworkAcl", {SUPPLEMENTARY: {"Subnets": ["s"], "Entries": [_WEB]}}),
        FindingStatus.PASS,
    ),
    Example(
        "open",
        example_resource("AWS::EC2::NetworkAcl", {SUPPLEMENTARY: {"Subnets": ["s"], "Entries": [_ALL]}}),
        FindingStatus.FAIL,
    ),
)
