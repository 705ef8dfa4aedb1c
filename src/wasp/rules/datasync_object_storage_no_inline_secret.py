"""DataSync object-storage locations do not carry their secret key in the template."""

from wasp.model import FindingStatus, Severity, Unresolved
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

LOCATION = "AWS::DataSync::LocationObjectStorage"
_DYNAMIC = ("{{resolve:secretsmanager:", "{{resolve:ssm-secure:")

META = RuleMeta(
    title="DataSync object-storage locations keep their secret key out of the template",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP03",),
    resource_type=LOCATION,
    description="A secret key written into a template or Terraform configuration is readable by everyone with the "
    "repository, the stack or the state file; a dynamic reference to Secrets Manager (CloudFormation) keeps it out.",
    remediation=Remediation(
        console="DataSync > Locations > LOCATION > Edit: re-enter the secret key, and rotate it at the storage provider.",
        cli='aws datasync update-location-object-storage --location-arn ARN --secret-key "$(aws secretsmanager get-secret-value ...)"',
        cloudformation="SecretKey: '{{resolve:secretsmanager:datasync/object-storage:SecretString:secret_key}}'",
        terraform="secret_key = data.aws_secretsmanager_secret_version.object_storage.secret_string (still in state: encrypt and restrict the state)",
    ),
    checkov=("CKV_AWS_295",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on a literal secret key; a dynamic reference or no key passes; a value known only at deploy is unknown."""
    key = view.get("SecretKey")
    if key in (None, ""):
        return passed("no secret key in the configuration")
    if isinstance(key, str) and key.startswith(_DYNAMIC):
        return passed("secret key resolved from a secret store at deploy time")
    return failed(
        f"location {view.resource.origin.address or view.id} has its secret key written in the configuration"
    )


EXAMPLES = (
    Example("none", example_resource(LOCATION, {"AccessKey": "AKIA..."}), FindingStatus.PASS),
    Example(
        "dynamic",
        example_resource(LOCATION, {"SecretKey": "{{resolve:secretsmanager:ds:SecretString:secret_key}}"}),
        FindingStatus.PASS,
    ),
    Example(
        "literal", example_resource(LOCATION, {"SecretKey": "wJalrXUtnFEMI/K7MDENG"}), FindingStatus.FAIL
    ),
    Example(
        "from-a-variable",
        example_resource(LOCATION, {"SecretKey": Unresolved("var.secret")}),
        FindingStatus.UNKNOWN,
    ),
)
