"""OpenSearch domains publish audit logs to CloudWatch Logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="OpenSearch domains publish audit logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::OpenSearchService::Domain",
    description="Audit logs record who authenticated, and which indices and documents they read or changed; "
    "error and slow logs alone do not. Audit logs need fine-grained access control.",
    remediation=Remediation(
        console="Amazon OpenSearch Service > Domains > DOMAIN > Logs > Audit logs > Enable (choose a log group).",
        cli="aws opensearch update-domain-config --domain-name DOMAIN --log-publishing-options "
        "AUDIT_LOGS={CloudWatchLogsLogGroupArn=LOG_GROUP_ARN,Enabled=true}",
        cloudformation="LogPublishingOptions: {AUDIT_LOGS: {CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn, "
        "Enabled: true}}",
        terraform='log_publishing_options { log_type = "AUDIT_LOGS" cloudwatch_log_group_arn = '
        "aws_cloudwatch_log_group.audit.arn }",
    ),
    checkov=("CKV_AWS_84", "CKV_AWS_317"),
)

evaluate = expect(
    "LogPublishingOptions.AUDIT_LOGS.Enabled",
    is_true,
    ok="audit logs published",
    bad="domain {name} publishes no audit logs",
)

EXAMPLES = examples(
    "AWS::OpenSearchService::Domain",
    passing=[
        (
            "audit",
            {"LogPublishingOptions": {"AUDIT_LOGS": {"Enabled": True, "CloudWatchLogsLogGroupArn": "a"}}},
        )
    ],
    failing=[
        ("absent", {"DomainName": "logs"}),
        ("slow-logs-only", {"LogPublishingOptions": {"SEARCH_SLOW_LOGS": {"Enabled": True}}}),
    ],
)
