"""Public Route 53 hosted zones log DNS queries."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._iam_refs import is_set
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Public hosted zones have DNS query logging",
    severity=Severity.LOW,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::Route53::HostedZone",
    description="Query logs show which names are looked up, from where: reconnaissance of subdomains, "
    "DNS-based exfiltration and takeover attempts. Private zones log through Resolver query logging and are "
    "not judged here.",
    remediation=Remediation(
        console="Route 53 > Hosted zones > ZONE > Query logging > Configure: a log group in us-east-1.",
        cli="aws route53 create-query-logging-config --hosted-zone-id ZONE --cloud-watch-logs-log-group-arn ARN",
        cloudformation="QueryLoggingConfig: {CloudWatchLogsLogGroupArn: !GetAtt DnsLogs.Arn}",
        terraform="aws_route53_query_log { zone_id = aws_route53_zone.main.zone_id  "
        "cloudwatch_log_group_arn = aws_cloudwatch_log_group.dns.arn }",
    ),
    checkov=("CKV2_AWS_39",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Public zones only (no VPCs); a log group known only at deploy counts."""
    if view.get("VPCs"):
        return None
    if is_set(view, "QueryLoggingConfig.CloudWatchLogsLogGroupArn"):
        return passed("DNS queries logged")
    return failed(f"public hosted zone {view.label('Name')} does not log DNS queries")


evaluate = live_reads("Name", _evaluate)

EXAMPLES = with_read(
    {"Name": "example.com."},
    examples(
        "AWS::Route53::HostedZone",
        passing=[
            (
                "logged",
                {
                    "QueryLoggingConfig": {
                        "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:1:log-group:dns"
                    }
                },
            )
        ],
        failing=[("silent", {"Name": "example.com."})],
    ),
)
