"""SSM parameters that hold secrets are SecureString, and no template writes a secret into a parameter."""

from typing import Any

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
    unknown,
)
from wasp.model.secrets import hits_as_data, scan_variables, secret_name_kind
from wasp.rules._shape import text

PARAMETER = "AWS::SSM::Parameter"

META = RuleMeta(
    title="SSM parameters holding secrets are SecureString",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP03", "SEC08-BP02"),
    resource_type=PARAMETER,
    description="A String parameter is readable by anyone allowed ssm:GetParameter, with no KMS permission "
    "in the way, and its value shows in the console and in CloudFormation. A parameter whose name says it "
    "holds a password, token or key must be a SecureString (or the secret belongs in Secrets Manager); a "
    "template must never write a literal secret into a parameter. Live, only names and types are read, never "
    "values.",
    remediation=Remediation(
        console="Systems Manager > Parameter Store > PARAMETER: recreate it as a SecureString with a KMS key.",
        cli="aws ssm put-parameter --name NAME --type SecureString --key-id alias/KEY --value VALUE --overwrite",
        cloudformation="CloudFormation cannot create SecureString parameters: create the secret as an "
        "AWS::SecretsManager::Secret (GenerateSecretString) and reference it dynamically",
        terraform='resource "aws_ssm_parameter" "this" { type = "SecureString" key_id = aws_kms_key.ssm.arn }',
    ),
    checkov=("CKV_AWS_384",),
)


def _value_hits(view: ResourceView, name: str) -> list[dict[str, str]]:
    """Detector labels for a literal secret in a template's Value (the value itself is never recorded)."""
    value: Any = view.resource.properties.get("Value")
    if value is None or isinstance(value, (Unresolved, dict, list)):
        return []
    return hits_as_data(scan_variables({name: value}))


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass for SecureString; fail a String whose value (template) or name says it holds a secret."""
    kind = text(view, "Type")
    if kind == "SecureString":
        return passed("SecureString parameter")
    if not kind:
        return unknown("the parameter's type is not known")
    name = view.label("Name")
    hits = _value_hits(view, name)
    view.note("value_secrets", hits)
    if hits:
        found = ", ".join(sorted({h["Detector"] for h in hits}))
        return failed(f"parameter {name} holds a secret in plain text ({found}): use a SecureString")
    said = secret_name_kind(name)
    view.note("name_says", said)
    if said:
        return failed(f"parameter {name} is named as a {said} but stored as {kind}: use a SecureString")
    return passed(f"{kind} parameter whose name and value show no secret")


EXAMPLES = (
    Example(
        "secure",
        example_resource(PARAMETER, {"Name": "/app/db/password", "Type": "SecureString"}),
        FindingStatus.PASS,
    ),
    Example(
        "config",
        example_resource(PARAMETER, {"Name": "/app/feature-flags", "Type": "String"}),
        FindingStatus.PASS,
    ),
    Example(
        "named",
        example_resource(PARAMETER, {"Name": "/app/db/password", "Type": "String"}),
        FindingStatus.FAIL,
    ),
    Example(
        "literal-value",
        example_resource(
            PARAMETER,
            {"Name": "/app/ci/config", "Type": "String", "Value": "ghp_" + "a1B2c3D4e5F6g7H8i9J0" * 2},
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "type-unknown",
        example_resource(PARAMETER, {"Name": "/x", "Type": Unresolved("denied")}),
        FindingStatus.UNKNOWN,
    ),
)
