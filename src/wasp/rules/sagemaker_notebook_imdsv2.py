"""SageMaker notebook instances require IMDSv2."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="SageMaker notebook instances require IMDSv2",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP02",),
    resource_type="AWS::SageMaker::NotebookInstance",
    description="IMDSv1 answers any request from the instance, so a server-side request forgery in notebook code leaks the role's credentials; IMDSv2 requires a session token.",
    remediation=Remediation(
        console="SageMaker > Notebook instances > NAME > Edit > Minimum IMDS version: 2.",
        cli="aws sagemaker update-notebook-instance --notebook-instance-name NAME --instance-metadata-service-configuration MinimumInstanceMetadataServiceVersion=2",
        cloudformation='InstanceMetadataServiceConfiguration: {MinimumInstanceMetadataServiceVersion: "2"}',
        terraform='instance_metadata_service_configuration { minimum_instance_metadata_service_version = "2" }',
    ),
    checkov=("CKV_AWS_371",),
)

evaluate = expect(
    "InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion",
    one_of("2", 2),
    ok="IMDSv2 required",
    bad="notebook instance {name} allows IMDSv1",
    default="1",
)

EXAMPLES = (
    *examples(
        "AWS::SageMaker::NotebookInstance",
        passing=[
            ("v2", {"InstanceMetadataServiceConfiguration": {"MinimumInstanceMetadataServiceVersion": "2"}})
        ],
        failing=[
            ("default", {"InstanceType": "ml.t3.medium"}),
            ("v1", {"InstanceMetadataServiceConfiguration": {"MinimumInstanceMetadataServiceVersion": "1"}}),
        ],
    ),
    unknown_example(
        "AWS::SageMaker::NotebookInstance",
        "InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion",
    ),
)
