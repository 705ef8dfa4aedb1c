"""DocumentDB cluster parameter groups turn the audit log on."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="DocumentDB parameter groups turn audit logging on",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::DocDB::DBClusterParameterGroup",
    description="DocumentDB records audit events only when audit_logs is enabled (or all) in the cluster parameter group; exporting the log alone records nothing.",
    remediation=Remediation(
        console="Amazon DocumentDB > Parameter groups > GROUP > audit_logs: enabled, and export the audit log.",
        cli="aws docdb modify-db-cluster-parameter-group --db-cluster-parameter-group-name GROUP --parameters ParameterName=audit_logs,ParameterValue=enabled,ApplyMethod=immediate",
        cloudformation="Parameters: {audit_logs: enabled}",
        terraform='parameter { name = "audit_logs" value = "enabled" }',
    ),
    checkov=("CKV_AWS_104",),
)

evaluate = expect(
    "Parameters.audit_logs",
    one_of("enabled", "all"),
    ok="audit logs {value}",
    bad="parameter group {name} leaves the audit log off (audit_logs = {value})",
    default="disabled",
)

EXAMPLES = examples(
    "AWS::DocDB::DBClusterParameterGroup",
    passing=[("enabled", {"Parameters": {"audit_logs": "enabled"}})],
    failing=[
        ("absent", {"Parameters": {"tls": "enabled"}}),
        ("disabled", {"Parameters": {"audit_logs": "disabled"}}),
    ],
)
