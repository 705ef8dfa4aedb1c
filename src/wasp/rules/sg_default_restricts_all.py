"""Each VPC's default security group allows no traffic."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples

META = RuleMeta(
    title="Default security groups allow no traffic",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::EC2::SecurityGroup",
    description="Anything launched without a group gets the VPC's default one, which allows all traffic among "
    "its members and all egress. Emptying it makes forgetting a group fail closed. Judged on live default "
    "groups: CloudFormation cannot manage the default group, and Terraform's aws_default_security_group "
    "(mapped as the group named default) would be judged on one source only.",
    remediation=Remediation(
        console="VPC > Security groups > default (each VPC) > Inbound and Outbound rules > Edit: delete all.",
        cli="aws ec2 revoke-security-group-ingress --group-id SG --ip-permissions file://default-rules.json",
        cloudformation="Not manageable in CloudFormation: remove its rules once per VPC (or with a custom resource).",
        terraform="resource aws_default_security_group { vpc_id = aws_vpc.main.id }  # no ingress/egress blocks",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only the group named ``default``: any inbound or outbound rule fails."""
    if view.get("GroupName") != "default":
        return None
    rules = len(view.get("SecurityGroupIngress", [])) + len(view.get("SecurityGroupEgress", []))
    if rules:
        return failed(f"the default security group {view.get('GroupId', view.id)} still has {rules} rule(s)")
    return passed("default group allows nothing")


EXAMPLES = examples(
    "AWS::EC2::SecurityGroup",
    passing=[("empty", {"GroupName": "default", "SecurityGroupIngress": [], "SecurityGroupEgress": []})],
    failing=[
        (
            "aws-default",
            {
                "GroupName": "default",
                "SecurityGroupIngress": [{"IpProtocol": "-1", "SourceSecurityGroupId": "sg-1"}],
                "SecurityGroupEgress": [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}],
            },
        )
    ],
)
