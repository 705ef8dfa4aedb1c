"""WAF web ACLs log the requests they inspect."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples, judge, listed

META = RuleMeta(
    title="WAF web ACLs have logging",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01", "SEC05-BP03"),
    resource_type="AWS::WAFv2::WebACL",
    description="Without a logging configuration the requests a web ACL blocked or let through leave no "
    "record: an attack cannot be investigated nor a false positive explained.",
    remediation=Remediation(
        console="WAF & Shield > Web ACLs > ACL > Logging and metrics > Enable: a CloudWatch Logs group, S3 "
        "bucket or Firehose named aws-waf-logs-*.",
        cli="aws wafv2 put-logging-configuration --logging-configuration "
        "ResourceArn=ACL_ARN,LogDestinationConfigs=LOG_GROUP_ARN",
        cloudformation="AWS::WAFv2::LoggingConfiguration {ResourceArn: !GetAtt WebAcl.Arn, "
        "LogDestinationConfigs: [!GetAtt WafLogs.Arn]}",
        terraform="aws_wafv2_web_acl_logging_configuration { resource_arn = aws_wafv2_web_acl.main.arn  "
        "log_destination_configs = [aws_cloudwatch_log_group.waf.arn] }",
    ),
    checkov=("CKV2_AWS_31",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A logging configuration with at least one destination (a destination known only at deploy counts)."""
    logging = view.peek("LoggingConfiguration")
    if isinstance(logging, dict) and listed(logging.get("LogDestinationConfigs")):
        return passed("requests logged")
    view.get("LoggingConfiguration")  # a configuration that could not be read: raises, so unknown
    judge(view, "LoggingConfiguration.LogDestinationConfigs", listed)  # of the wrong type: raises, so unknown
    return failed(f"web ACL {view.label('Name')} has no logging configuration")


EXAMPLES = examples(
    "AWS::WAFv2::WebACL",
    passing=[
        (
            "logged",
            {
                "LoggingConfiguration": {
                    "LogDestinationConfigs": ["arn:aws:logs:eu-west-2:1:log-group:aws-waf-logs-x"]
                }
            },
        )
    ],
    failing=[("absent", {"Name": "edge"})],
)
