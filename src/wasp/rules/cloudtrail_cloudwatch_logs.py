"""Each CloudTrail trail also delivers to CloudWatch Logs, where metric filters and alarms can watch it."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._iam_refs import expect_set

META = RuleMeta(
    title="CloudTrail trails deliver to CloudWatch Logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP02", "SEC04-BP03"),
    resource_type="AWS::CloudTrail::Trail",
    description="Logs in S3 alone are read after the fact; delivered to a CloudWatch Logs group they can drive "
    "metric filters and alarms (root sign-in, IAM and security-group changes, StopLogging) within minutes.",
    remediation=Remediation(
        console="CloudTrail > Trails > TRAIL > CloudWatch Logs > Edit > Enabled, with a log group and a role.",
        cli="aws cloudtrail update-trail --name TRAIL --cloud-watch-logs-log-group-arn GROUP_ARN "
        "--cloud-watch-logs-role-arn ROLE_ARN",
        cloudformation="CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn\nCloudWatchLogsRoleArn: !GetAtt "
        "TrailToLogs.Arn",
        terraform='cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n'
        "cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn",
    ),
    checkov=("CKV2_AWS_10",),
)

evaluate = expect_set(
    "CloudWatchLogsLogGroupArn",
    ok="trail delivers to CloudWatch Logs",
    bad="trail {name} does not deliver to CloudWatch Logs, so no alarm can watch it",
)

EXAMPLES = examples(
    "AWS::CloudTrail::Trail",
    passing=[
        ("delivered", {"CloudWatchLogsLogGroupArn": "arn:aws:logs:eu-west-2:111122223333:log-group:t:*"})
    ],
    failing=[("s3-only", {"S3BucketName": "trail-logs"}), ("empty", {"CloudWatchLogsLogGroupArn": ""})],
)
