"""EKS node groups with an SSH key limit SSH to named security groups."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import judge_list, text

META = RuleMeta(
    title="EKS node groups do not open SSH to the internet",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP02", "SEC06-BP03"),
    resource_type="AWS::EKS::Nodegroup",
    public_exposure=True,
    description="A managed node group given an SSH key but no source security groups opens port 22 on its "
    "nodes to 0.0.0.0/0. Name the security groups allowed in, or use Session Manager and no key.",
    remediation=Remediation(
        console="EKS > CLUSTER > Compute > Node group: recreate it with Remote access limited to security "
        "groups, or without a key pair.",
        cli="aws eks create-nodegroup ... --remote-access ec2SshKey=KEY,sourceSecurityGroups=sg-123",
        cloudformation="RemoteAccess: {Ec2SshKey: KEY, SourceSecurityGroups: [!Ref BastionSG]}",
        terraform="remote_access { ec2_ssh_key = KEY  source_security_group_ids = [aws_security_group.bastion.id] }",
    ),
    checkov=("CKV_AWS_100",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A key without source security groups means SSH from anywhere."""
    if not text(view, "RemoteAccess.Ec2SshKey"):
        return passed("no SSH key on the nodes")
    if judge_list(view, "RemoteAccess.SourceSecurityGroups"):
        return passed("SSH limited to named security groups")
    return failed(f"EKS node group {view.label('NodegroupName')} allows SSH from anywhere")


evaluate = live_reads("NodegroupName", _evaluate)

EXAMPLES = with_read(
    {"NodegroupName": "ng"},
    examples(
        "AWS::EKS::Nodegroup",
        passing=[
            ("no-key", {"NodegroupName": "ng"}),
            ("limited", {"RemoteAccess": {"Ec2SshKey": "ops", "SourceSecurityGroups": ["sg-1"]}}),
        ],
        failing=[("open", {"RemoteAccess": {"Ec2SshKey": "ops"}})],
    ),
)
