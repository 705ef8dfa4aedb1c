"""DynamoDB tables keep point-in-time recovery on."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="DynamoDB tables have point-in-time recovery",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::DynamoDB::Table",
    description="Point-in-time recovery lets a table be restored to any second of the last 35 days after an "
    "accidental or malicious write or delete, the recovery an incident response plan relies on.",
    remediation=Remediation(
        console="DynamoDB > Tables > TABLE > Backups > Point-in-time recovery > Edit > Turn on.",
        cli="aws dynamodb update-continuous-backups --table-name TABLE "
        "--point-in-time-recovery-specification PointInTimeRecoveryEnabled=true",
        cloudformation="PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}",
        terraform="point_in_time_recovery { enabled = true }",
    ),
    checkov=("CKV_AWS_28",),
)

evaluate = expect(
    "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
    is_true,
    ok="point-in-time recovery on",
    bad="table {name} has no point-in-time recovery",
)

EXAMPLES = examples(
    "AWS::DynamoDB::Table",
    passing=[("on", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True}})],
    failing=[
        ("absent", {"TableName": "orders"}),
        ("off", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": "false"}}),
    ],
)
