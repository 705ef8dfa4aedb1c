"""Lambda permissions name who may invoke: no wildcard principal, and service grants limited by source."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import text

META = RuleMeta(
    title="Lambda permissions are limited to a principal and a source",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC03-BP02"),
    resource_type="AWS::Lambda::Permission",
    public_exposure=True,
    description="A permission for Principal '*' lets anyone invoke the function; one for an AWS service "
    "without SourceArn or SourceAccount lets that service invoke it on behalf of any account (the confused "
    "deputy). Wildcard principals fail high, unscoped service grants medium.",
    remediation=Remediation(
        console="Lambda > FUNCTION > Configuration > Permissions > Resource-based policy: add a source ARN "
        "and source account to each statement, remove Principal '*'.",
        cli="aws lambda add-permission --function-name FN --statement-id s3 --action lambda:InvokeFunction "
        "--principal s3.amazonaws.com --source-arn arn:aws:s3:::BUCKET --source-account 111122223333",
        cloudformation="AWS::Lambda::Permission with Principal: s3.amazonaws.com, SourceArn and SourceAccount",
        terraform="aws_lambda_permission with source_arn and source_account",
    ),
    checkov=("CKV_AWS_301", "CKV_AWS_364"),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Wildcard principals fail; service principals need a source condition."""
    principal = text(view, "Principal") or ""
    scoped = text(view, "SourceArn") or text(view, "SourceAccount")
    if principal == "*" and not (scoped or view.get("PrincipalOrgID")):
        return failed(f"permission {view.id} lets anyone invoke the function")
    if principal.endswith(".amazonaws.com") and not scoped:
        return failed(
            f"permission {view.id} lets {principal} invoke the function for any account (no SourceArn "
            "or SourceAccount)",
            Severity.MEDIUM,
        )
    return passed(f"invocation limited to {principal}" + (" from a named source" if scoped else ""))


evaluate = live_reads("Principal", _evaluate)

EXAMPLES = with_read(
    {"Principal": "111122223333"},
    examples(
        "AWS::Lambda::Permission",
        passing=[
            (
                "s3-scoped",
                {
                    "Principal": "s3.amazonaws.com",
                    "SourceArn": "arn:aws:s3:::uploads",
                    "SourceAccount": "111122223333",
                },
            ),
            ("account", {"Principal": "111122223333"}),
        ],
        failing=[("public", {"Principal": "*"}), ("s3-any", {"Principal": "s3.amazonaws.com"})],
    ),
)
