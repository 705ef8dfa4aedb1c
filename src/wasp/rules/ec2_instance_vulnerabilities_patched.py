"""Fixable critical and high Inspector vulnerabilities on an EC2 instance are patched within the patch window."""

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

TYPE = "AWS::EC2::Instance"

META = RuleMeta(
    title="EC2 instance: fixable critical and high vulnerabilities (Inspector) are patched within the patch window",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP01",),
    resource_type=TYPE,
    related_types=(ACCOUNT_TYPE,),
    iac=False,
    decides_gaps=True,
    source="inspector",
    description="Inspector's active critical and high package vulnerabilities with a fix available that name "
    "the instance, open longer than the workload's findings.inspector_patch_window_days (default 14, Cyber "
    "Essentials' window). An exploit available or an EPSS score of 0.1 or more makes the failure critical. "
    "Passes only when Inspector's coverage lists it as scanned; unknown when Inspector is off, its findings or "
    "coverage could not be read, or reading stopped at the cap among overdue findings.",
    remediation=Remediation(
        console="Inspector > Findings > By instance > INSTANCE > patch (Systems Manager > Patch Manager > Patch now), or replace the instance from a patched AMI.",
        cli="aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=INSTANCE_ID --parameters Operation=Install",
        cloudformation="AWS::SSM::PatchBaseline + AWS::SSM::Association (AWS-RunPatchBaseline) on a schedule targeting the instance",
        terraform='resource "aws_ssm_association" "patch" { name = "AWS-RunPatchBaseline" targets { key = "InstanceIds" values = [aws_instance.this.id] } }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Overdue fixable critical/high findings naming this instance fail; a scanned one without any passes."""
    return resource_verdict(view, ctx, "instance")


EXAMPLES = resource_examples(TYPE, "i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002")
