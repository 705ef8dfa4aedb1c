"""AWS WAF Classic web ACLs log the requests they inspect."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="AWS WAF Classic web ACLs log requests",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="WASP::WAF::WebACL",
    description="Web ACL logs record which requests were blocked, counted or allowed and by which rule: the "
    "evidence for investigating an attack and tuning rules. WAF Classic reached end of life in September 2025: "
    "migrate to AWS WAF (wafv2) and log there.",
    remediation=Remediation(
        console="WAF & Shield > Switch to AWS WAF Classic > Web ACLs > ACL > Logging > Enable logging: a Kinesis "
        "Data Firehose stream whose name starts with aws-waf-logs-.",
        cli="aws waf put-logging-configuration --logging-configuration "
        "ResourceArn=ACL_ARN,LogDestinationConfigs=FIREHOSE_ARN",
        cloudformation="CloudFormation's WAF Classic types cannot set logging: migrate to AWS::WAFv2::WebACL with "
        "an AWS::WAFv2::LoggingConfiguration.",
        terraform="logging_configuration { log_destination = aws_kinesis_firehose_delivery_stream.waf_logs.arn }",
    ),
    checkov=("CKV_AWS_176",),
)

evaluate = expect_set(
    "LoggingConfiguration.LogDestination",
    ok="requests logged",
    bad="WAF Classic web ACL {name} logs no requests",
)

EXAMPLES = (
    *examples(
        "WASP::WAF::WebACL",
        passing=[
            (
                "logged",
                {
                    "LoggingConfiguration": {
                        "LogDestination": "arn:aws:firehose:eu-west-2:1:deliverystream/aws-waf-logs-a"
                    }
                },
            )
        ],
        failing=[("silent", {"Name": "edge"})],
    ),
    unknown_example("WASP::WAF::WebACL", "LoggingConfiguration.LogDestination"),
)
