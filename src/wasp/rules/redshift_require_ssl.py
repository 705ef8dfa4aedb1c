"""Redshift parameter groups require SSL."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._db import own_parameters, unknowns
from wasp.rules._expect import examples, is_true

META = RuleMeta(
    title="Redshift parameter groups require SSL",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::Redshift::ClusterParameterGroup",
    description="With require_ssl false (the default in a custom group) clusters using the group accept plaintext connections, and queries, results and passwords cross the network unencrypted.",
    remediation=Remediation(
        console="Amazon Redshift > Configurations > Workload management > GROUP > Parameters > require_ssl: true; reboot.",
        cli="aws redshift modify-cluster-parameter-group --parameter-group-name GROUP --parameters ParameterName=require_ssl,ParameterValue=true",
        cloudformation="Parameters: [{ParameterName: require_ssl, ParameterValue: 'true'}]",
        terraform='parameter { name = "require_ssl" value = "true" }',
    ),
    checkov=("CKV_AWS_105",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass only when the group sets require_ssl to true."""
    value = own_parameters(view).get("require_ssl", False)
    if is_true(value):
        return passed("SSL required")
    name = view.resource.origin.address or view.id
    return failed(f"parameter group {name} lets clusters accept plaintext connections (require_ssl {value})")


EXAMPLES = examples(
    "AWS::Redshift::ClusterParameterGroup",
    passing=[("on", {"Parameters": [{"ParameterName": "require_ssl", "ParameterValue": "true"}]})],
    failing=[
        (
            "absent",
            {"Parameters": [{"ParameterName": "enable_user_activity_logging", "ParameterValue": "true"}]},
        )
    ],
) + unknowns(
    "AWS::Redshift::ClusterParameterGroup",
    ("deploy-time", {"Parameters": Unresolved("a parameter with no default")}),
)
