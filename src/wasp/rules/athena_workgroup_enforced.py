"""Athena workgroups enforce their settings on clients."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Athena workgroups enforce their configuration",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::Athena::WorkGroup",
    description="When the workgroup does not enforce its configuration, each client may override the result location and turn result encryption off.",
    remediation=Remediation(
        console="Athena > Workgroups > WORKGROUP > Edit > Settings > Override client-side settings.",
        cli="aws athena update-work-group --work-group NAME --configuration-updates EnforceWorkGroupConfiguration=true",
        cloudformation="WorkGroupConfiguration: {EnforceWorkGroupConfiguration: true}",
        terraform="configuration { enforce_workgroup_configuration = true }",
    ),
    checkov=("CKV_AWS_82",),
)

evaluate = expect(
    "WorkGroupConfiguration.EnforceWorkGroupConfiguration",
    is_true,
    ok="workgroup settings override the client's",
    bad="workgroup {name} lets clients override its settings (and disable encryption)",
    default=True,
)

EXAMPLES = (
    *examples(
        "AWS::Athena::WorkGroup",
        passing=[
            ("default", {"Name": "analytics"}),
            ("on", {"WorkGroupConfiguration": {"EnforceWorkGroupConfiguration": True}}),
        ],
        failing=[("off", {"WorkGroupConfiguration": {"EnforceWorkGroupConfiguration": False}})],
    ),
    unknown_example("AWS::Athena::WorkGroup", "WorkGroupConfiguration.EnforceWorkGroupConfiguration"),
)
