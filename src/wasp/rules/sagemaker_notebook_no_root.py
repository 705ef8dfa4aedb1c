"""Users of SageMaker notebook instances do not get root."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="SageMaker notebook instances deny users root access",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::SageMaker::NotebookInstance",
    description="Root on the notebook lets any user change its software, read other users' files and the instance role's credentials; lifecycle configurations still run as root.",
    remediation=Remediation(
        console="SageMaker > Notebook instances > NAME > Edit > Permissions > Root access: Disable.",
        cli="aws sagemaker update-notebook-instance --notebook-instance-name NAME --root-access Disabled",
        cloudformation="RootAccess: Disabled",
        terraform='root_access = "Disabled"',
    ),
    checkov=("CKV_AWS_307",),
)

evaluate = expect(
    "RootAccess",
    one_of("Disabled"),
    ok="root access disabled",
    bad="notebook instance {name} gives users root access",
    default="Enabled",
)

EXAMPLES = (
    *examples(
        "AWS::SageMaker::NotebookInstance",
        passing=[("disabled", {"RootAccess": "Disabled"})],
        failing=[("default", {"InstanceType": "ml.t3.medium"}), ("enabled", {"RootAccess": "Enabled"})],
    ),
    unknown_example("AWS::SageMaker::NotebookInstance", "RootAccess"),
)
