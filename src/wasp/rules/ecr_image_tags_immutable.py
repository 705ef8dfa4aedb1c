"""ECR repositories make image tags immutable."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="ECR repositories have immutable image tags",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP04",),
    resource_type="AWS::ECR::Repository",
    description="With mutable tags anyone who can push may replace the image behind a deployed tag (latest, v1.2) with another; immutable tags make a tag always name the same, scanned image.",
    remediation=Remediation(
        console="ECR > Repositories > REPO > Edit > Tag immutability: Enabled.",
        cli="aws ecr put-image-tag-mutability --repository-name REPO --image-tag-mutability IMMUTABLE",
        cloudformation="ImageTagMutability: IMMUTABLE",
        terraform='image_tag_mutability = "IMMUTABLE"',
    ),
    checkov=("CKV_AWS_51",),
)

evaluate = expect(
    "ImageTagMutability",
    one_of("IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"),
    ok="image tags immutable",
    bad="repository {name} lets pushed tags be overwritten",
    default="MUTABLE",
)

EXAMPLES = (
    *examples(
        "AWS::ECR::Repository",
        passing=[("immutable", {"ImageTagMutability": "IMMUTABLE"})],
        failing=[("default", {"RepositoryName": "app"}), ("mutable", {"ImageTagMutability": "MUTABLE"})],
    ),
    unknown_example("AWS::ECR::Repository", "ImageTagMutability"),
)
