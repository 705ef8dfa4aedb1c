"""Fixable critical and high Inspector vulnerabilities on a Lambda function are patched within the patch window."""

from __future__ import annotations

from wasp.model import ACCOUNT_TYPE, Severity
from wasp.model.rule import (
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
)
from wasp.rules._inspector_resource import resource_examples, resource_verdict

TYPE = "AWS::Lambda::Function"

META = RuleMeta(
    title="Lambda function: fixable critical and high vulnerabilities (Inspector) are patched within the patch window",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP01",),
    resource_type=TYPE,
    related_types=(ACCOUNT_TYPE,),
    iac=False,
    decides_gaps=True,
    source="inspector",
    description="Inspector's active critical and high package vulnerabilities with a fix available that name "
    "the function, open longer than the workload's findings.inspector_patch_window_days (default 14, Cyber "
    "Essentials' window). An exploit available or an EPSS score of 0.1 or more makes the failure critical. "
    "Passes only when Inspector's coverage lists it as scanned; unknown when Inspector is off, its findings or "
    "coverage could not be read, or reading stopped at the cap among overdue findings.",
    remediation=Remediation(
        console="Inspector > Findings > By Lambda function > FUNCTION > upgrade the vulnerable package (or the runtime or layer) and deploy.",
        cli="aws lambda update-function-code --function-name FUNCTION --zip-file fileb://patched.zip",
        cloudformation="AWS::Lambda::Function / AWS::Serverless::Function with upgraded dependencies and a supported Runtime",
        terraform='resource "aws_lambda_function" "this" { filename = "patched.zip" runtime = "python3.12" ... }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Overdue fixable critical/high findings naming this function fail; a scanned one without any passes."""
    return resource_verdict(view, ctx, "function")


EXAMPLES = resource_examples(TYPE, "orders-handler", "billing-handler")
