"""SageMaker notebook instances have no direct internet access."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="SageMaker notebook instances have no direct internet access",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::SageMaker::NotebookInstance",
    description="With direct internet access SageMaker gives the notebook its own route to the internet, outside the VPC's controls; code in it can fetch anything and send data anywhere.",
    remediation=Remediation(
        console="SageMaker > Notebook instances > Create > Network: a VPC and subnet, Direct internet access: Disable.",
        cli="aws sagemaker create-notebook-instance --direct-internet-access Disabled --subnet-id SUBNET --security-group-ids SG ...",
        cloudformation="DirectInternetAccess: Disabled  (with SubnetId and SecurityGroupIds)",
        terraform='direct_internet_access = "Disabled"  subnet_id = aws_subnet.private.id',
    ),
    checkov=("CKV_AWS_122",),
)

evaluate = expect(
    "DirectInternetAccess",
    one_of("Disabled"),
    ok="no direct internet access",
    bad="notebook instance {name} has direct internet access",
    default="Enabled",
)

EXAMPLES = (
    *examples(
        "AWS::SageMaker::NotebookInstance",
        passing=[("disabled", {"DirectInternetAccess": "Disabled", "SubnetId": "subnet-1"})],
        failing=[
            ("default", {"InstanceType": "ml.t3.medium"}),
            ("enabled", {"DirectInternetAccess": "Enabled"}),
        ],
    ),
    unknown_example("AWS::SageMaker::NotebookInstance", "DirectInternetAccess"),
)
