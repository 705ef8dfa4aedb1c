"""MSK clusters deliver broker logs."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="MSK clusters deliver broker logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::MSK::Cluster",
    description="Broker logs (to CloudWatch Logs, Firehose or S3) record client connections, authentication failures and errors, the trail an investigation of the cluster needs.",
    remediation=Remediation(
        console="Amazon MSK > Clusters > CLUSTER > Properties > Broker log delivery > Edit > deliver to CloudWatch Logs.",
        cli="aws kafka update-monitoring --cluster-arn ARN --current-version VERSION --logging-info 'BrokerLogs={CloudWatchLogs={Enabled=true,LogGroup=GROUP}}'",
        cloudformation="LoggingInfo: {BrokerLogs: {CloudWatchLogs: {Enabled: true, LogGroup: !Ref BrokerLogs}}}",
        terraform="logging_info { broker_logs { cloudwatch_logs { enabled = true log_group = aws_cloudwatch_log_group.msk.name } } }",
    ),
    checkov=("CKV_AWS_80",),
)


def delivered(broker_logs: Any) -> bool:
    """Any of the three destinations is enabled."""
    return isinstance(broker_logs, dict) and any(
        isinstance(d, dict) and is_true(d.get("Enabled")) for d in broker_logs.values()
    )


evaluate = expect(
    "LoggingInfo.BrokerLogs",
    delivered,
    ok="broker logs delivered",
    bad="MSK cluster {name} delivers no broker logs",
    default={},
)

EXAMPLES = examples(
    "AWS::MSK::Cluster",
    passing=[
        (
            "cloudwatch",
            {"LoggingInfo": {"BrokerLogs": {"CloudWatchLogs": {"Enabled": True, "LogGroup": "msk"}}}},
        )
    ],
    failing=[
        ("absent", {"ClusterName": "events"}),
        ("off", {"LoggingInfo": {"BrokerLogs": {"S3": {"Enabled": False}}}}),
    ],
)
