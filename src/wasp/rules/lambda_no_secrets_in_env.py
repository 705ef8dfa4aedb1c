"""Lambda environment variables hold no secrets."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._common import secrets_verdict

META = RuleMeta(
    title="Lambda environment variables hold no secrets",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP03",),
    resource_type="AWS::Lambda::Function",
    description="Environment variables are visible to anyone with lambda:GetFunctionConfiguration and in every deployment artefact. Names are reported, values never.",
    remediation=Remediation(
        console="Lambda > Functions > FUNCTION > Configuration > Environment variables: remove the secret; read it at runtime from Secrets Manager (Parameters and Secrets Lambda Extension).",
        cli="aws lambda update-function-configuration --function-name FN --environment 'Variables={DB_SECRET_ARN=arn:aws:secretsmanager:...}'",
        cloudformation="Environment: {Variables: {DB_SECRET_ARN: !Ref DbSecret}}  # and grant secretsmanager:GetSecretValue",
        terraform="environment { variables = { DB_SECRET_ARN = aws_secretsmanager_secret.db.arn } }",
    ),
    checkov=("CKV_AWS_45",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on any detector hit recorded at Supplementary.EnvironmentSecrets."""
    return secrets_verdict(view, f"{SUPPLEMENTARY}.EnvironmentSecrets", "Lambda environment variables")


EXAMPLES = (
    Example(
        "clean",
        example_resource("AWS::Lambda::Function", {SUPPLEMENTARY: {"EnvironmentSecrets": []}}),
        FindingStatus.PASS,
    ),
    Example(
        "leaky",
        example_resource(
            "AWS::Lambda::Function",
            {
                SUPPLEMENTARY: {
                    "EnvironmentSecrets": [{"Where": "DB_PASSWORD", "Detector": "secret-named-variable"}]
                }
            },
        ),
        FindingStatus.FAIL,
    ),
)
