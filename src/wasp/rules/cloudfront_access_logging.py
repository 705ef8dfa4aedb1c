"""CloudFront distributions write standard access logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed, unknown
from wasp.rules._expect import examples
from wasp.rules._shape import block, text

META = RuleMeta(
    title="CloudFront distributions have access logging enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::CloudFront::Distribution",
    description="CloudFront access logs are the only record of the requests served from the edge; without them "
    "scraping, credential stuffing or an exploited path cannot be investigated.",
    remediation=Remediation(
        console="CloudFront > DISTRIBUTION > General > Edit > Standard logging: On, choose a bucket.",
        cli="aws cloudfront update-distribution --id ID --distribution-config file://config.json --if-match ETAG",
        cloudformation="DistributionConfig: {Logging: {Bucket: logs.s3.amazonaws.com, Prefix: cdn/}}",
        terraform='logging_config { bucket = aws_s3_bucket.logs.bucket_domain_name  prefix = "cdn/" }',
    ),
    checkov=("CKV_AWS_86",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A logging bucket is set (and logging not switched off)."""
    if view.get("DistributionConfig.Enabled") is None and view.get("DistributionConfig") is None:
        return unknown(f"distribution {view.id}: its configuration was not read")
    logging = block(view, "DistributionConfig.Logging")
    if text(view, "DistributionConfig.Logging.Bucket") and logging.get("Enabled", True) is not False:
        return passed(f"access logs written to {logging['Bucket']}")
    return failed(f"distribution {view.id} writes no access logs")


EXAMPLES = examples(
    "AWS::CloudFront::Distribution",
    passing=[
        ("on", {"DistributionConfig": {"Enabled": True, "Logging": {"Bucket": "logs.s3.amazonaws.com"}}})
    ],
    failing=[
        ("absent", {"DistributionConfig": {"Enabled": True}}),
        ("off", {"DistributionConfig": {"Logging": {"Enabled": False, "Bucket": ""}}}),
    ],
)
