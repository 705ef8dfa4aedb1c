"""Batch job definitions do not run privileged containers."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="Batch job definitions do not use privileged containers",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP02",),
    resource_type="AWS::Batch::JobDefinition",
    description="A privileged container has root on the host (all devices, all capabilities), so one compromised job owns the compute environment and the jobs beside it.",
    remediation=Remediation(
        console="Batch > Job definitions > DEFINITION > Create revision > Container configuration: Privileged off.",
        cli="aws batch register-job-definition --job-definition-name NAME --type container --container-properties '{\"privileged\": false, ...}'",
        cloudformation="ContainerProperties: {Privileged: false, ...}",
        terraform="container_properties = jsonencode({ privileged = false, ... })",
    ),
    checkov=("CKV_AWS_210",),
)

evaluate = expect(
    "ContainerProperties.Privileged",
    none_of(True, "true"),
    ok="not privileged",
    bad="job definition {name} runs a privileged container",
    default=False,
)

EXAMPLES = (
    *examples(
        "AWS::Batch::JobDefinition",
        passing=[("default", {"ContainerProperties": {"Image": "busybox"}})],
        failing=[("privileged", {"ContainerProperties": {"Image": "busybox", "Privileged": True}})],
    ),
    unknown_example("AWS::Batch::JobDefinition", "ContainerProperties.Privileged"),
)
