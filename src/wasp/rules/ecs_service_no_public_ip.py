"""ECS services do not give their tasks public IP addresses."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, none_of
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="ECS services do not assign public IP addresses",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::ECS::Service",
    public_exposure=True,
    description="AssignPublicIp ENABLED puts every task on the internet, guarded only by its security group; "
    "run tasks in private subnets behind a load balancer and reach the internet through a NAT gateway.",
    remediation=Remediation(
        console="ECS > Clusters > CLUSTER > Services > SERVICE > Update > Networking: Public IP off.",
        cli="aws ecs update-service --cluster C --service S --network-configuration "
        "'awsvpcConfiguration={subnets=[subnet-1],securityGroups=[sg-1],assignPublicIp=DISABLED}'",
        cloudformation="NetworkConfiguration: {AwsvpcConfiguration: {AssignPublicIp: DISABLED}}",
        terraform="network_configuration { assign_public_ip = false }",
    ),
    checkov=("CKV_AWS_333",),
)

_evaluate = expect(
    "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp",
    none_of("ENABLED"),
    ok="tasks get no public IP",
    bad="ECS service {name} gives its tasks public IP addresses",
    default="DISABLED",
)


evaluate = live_reads("NetworkConfiguration", _evaluate)

EXAMPLES = with_read(
    {"NetworkConfiguration": {}},
    examples(
        "AWS::ECS::Service",
        passing=[
            ("private", {"NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "DISABLED"}}})
        ],
        failing=[
            ("public", {"NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "ENABLED"}}})
        ],
    ),
)
