"""SageMaker notebook instances run in a VPC of yours."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="SageMaker notebook instances are launched in a custom VPC",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::SageMaker::NotebookInstance",
    description="A notebook without a subnet runs in a SageMaker-managed network, outside your security groups, flow logs and endpoint policies.",
    remediation=Remediation(
        console="SageMaker > Notebook instances > Create > Network: choose a VPC, subnet and security groups.",
        cli="aws sagemaker create-notebook-instance --subnet-id SUBNET --security-group-ids SG ...",
        cloudformation="SubnetId: !Ref PrivateSubnet  SecurityGroupIds: [!Ref NotebookSg]",
        terraform="subnet_id = aws_subnet.private.id",
    ),
    checkov=("CKV_AWS_306",),
)

evaluate = expect_set(
    "SubnetId",
    ok="in subnet {value}",
    bad="notebook instance {name} is not in a VPC of yours",
)

EXAMPLES = (
    *examples(
        "AWS::SageMaker::NotebookInstance",
        passing=[("vpc", {"SubnetId": "subnet-1"})],
        failing=[("none", {"InstanceType": "ml.t3.medium"})],
    ),
    unknown_example("AWS::SageMaker::NotebookInstance", "SubnetId"),
)
