"""Redshift clusters write audit logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import Test, examples, expect

META = RuleMeta(
    title="Redshift clusters have audit logging",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::Redshift::Cluster",
    description="Audit logging records connections, users and (with enable_user_activity_logging) every query to S3 or CloudWatch Logs: who read which data.",
    remediation=Remediation(
        console="Amazon Redshift > Clusters > CLUSTER > Properties > Database configurations > Edit audit logging > Turn on.",
        cli="aws redshift enable-logging --cluster-identifier CLUSTER --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog",
        cloudformation="LoggingProperties: {LogDestinationType: cloudwatch, LogExports: [connectionlog, userlog, useractivitylog]}",
        terraform='aws_redshift_logging { cluster_identifier = aws_redshift_cluster.x.id log_destination_type = "cloudwatch" }',
    ),
    checkov=("CKV_AWS_71",),
)

_LOGGING = Test(
    bool,
    "a mapping (BucketName a string)",
    lambda v: isinstance(v, dict) and isinstance(v.get("BucketName", ""), str),
)
"""A logging block whose bucket, when named, is a string."""

evaluate = expect(
    "LoggingProperties",
    _LOGGING,
    ok="audit logging on",
    bad="Redshift cluster {name} writes no audit logs",
)

EXAMPLES = examples(
    "AWS::Redshift::Cluster",
    passing=[("s3", {"LoggingProperties": {"BucketName": "audit-logs"}})],
    failing=[("absent", {"ClusterType": "multi-node"})],
)
