"""DocumentDB cluster parameter groups keep TLS on."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="DocumentDB parameter groups require TLS",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::DocDB::DBClusterParameterGroup",
    description="A cluster parameter group with tls = disabled lets every cluster using it accept plaintext connections.",
    remediation=Remediation(
        console="Amazon DocumentDB > Parameter groups > GROUP > tls: enabled (or tls1.2+), then reboot the clusters.",
        cli="aws docdb modify-db-cluster-parameter-group --db-cluster-parameter-group-name GROUP --parameters ParameterName=tls,ParameterValue=enabled,ApplyMethod=pending-reboot",
        cloudformation="Parameters: {tls: enabled}",
        terraform='parameter { name = "tls" value = "enabled" }',
    ),
    checkov=("CKV_AWS_90",),
)

evaluate = expect(
    "Parameters.tls",
    none_of("disabled"),
    ok="TLS {value}",
    bad="parameter group {name} turns TLS off (tls = disabled)",
    default="enabled",
)

EXAMPLES = examples(
    "AWS::DocDB::DBClusterParameterGroup",
    passing=[("default", {"Parameters": {"audit_logs": "enabled"}})],
    failing=[("disabled", {"Parameters": {"tls": "disabled"}})],
) + unknowns(
    "AWS::DocDB::DBClusterParameterGroup",
    ("deploy-time", {"Parameters": {"tls": Unresolved("a parameter with no default")}}),
)
